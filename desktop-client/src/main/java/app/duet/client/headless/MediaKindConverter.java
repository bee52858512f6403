package app.duet.client.headless;

import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lets --media take lower-case names (audio, video, screen). */
final class MediaKindConverter implements ITypeConverter<HeadlessOptions.MediaKind> {

    @Override
    public HeadlessOptions.MediaKind convert(String value) {
        try {
            return HeadlessOptions.MediaKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not one of audio, video, screen");
        }
    }
}
