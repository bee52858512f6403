package app.duet.client.ui.call;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the person which file to send, or where to save one: the app shows a file chooser, UI tests hand over a
 * path they made.
 */
@FunctionalInterface
public interface FilePicker {

    /** The chosen file, or empty when the person changed their mind. Called on the FX thread. */
    Optional<Path> pick(Window owner, String title);

    /** Where to save a file the app writes, suggesting {@code fileName}; empty when the person changed their mind. */
    default Optional<Path> pickToSave(Window owner, String title, String fileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    static FilePicker chooser() {
        return (owner, title) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        };
    }
}
