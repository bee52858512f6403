package app.duet.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import app.duet.installers.support.Commands;

/**
 * The installers make Duet the handler of duet:// invite links. Linux: the menu entry, filled in as jpackage
 * fills it and installed into a private XDG data dir, is what xdg-mime (and so xdg-open) picks for the scheme.
 * macOS: the Info.plist declares the scheme. (The .deb itself: installers/test/test-client-deb.sh.)
 */
class LinkSchemeTest {
    private static final Path CLIENT = Path.of(System.getProperty("user.dir"), "client");

    @TempDir
    Path temp;

    @Test
    void xdgOpenWouldStartTheMenuEntryWithTheLink() throws Exception {
        Path applications = Files.createDirectories(temp.resolve("data/applications"));
        Path entry = applications.resolve("duet-Duet.desktop");
        Files.writeString(entry, Files.readString(CLIENT.resolve("linux/Duet.desktop"))
                .replace("APPLICATION_LAUNCHER", "/opt/duet/bin/Duet")
                .replace("APPLICATION_ICON", "/opt/duet/lib/Duet.png"));
        Commands.run(List.of("desktop-file-validate", entry.toString())).assertSuccess();
        Commands.run(List.of("update-desktop-database", applications.toString())).assertSuccess();

        Map<String, String> xdg = Map.of("XDG_DATA_DIRS", temp.resolve("data").toString(),
                "XDG_DATA_HOME", temp.resolve("home-data").toString(),
                "XDG_CONFIG_HOME", temp.resolve("config").toString(), "XDG_CURRENT_DESKTOP", "");
        String handler = Commands.run(List.of("xdg-mime", "query", "default", "x-scheme-handler/duet"), xdg)
                .assertSuccess().output().strip();

        assertThat(handler).isEqualTo("duet-Duet.desktop");
        assertThat(Files.readAllLines(entry)).contains("Exec=env GDK_GL=disable /opt/duet/bin/Duet %u");
    }

    @Test
    void theMacAppDeclaresTheDuetScheme() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document plist = factory.newDocumentBuilder().parse(CLIENT.resolve("macos/Info.plist").toFile());

        Element urlTypes = valueOf((Element) plist.getElementsByTagName("dict").item(0), "CFBundleURLTypes");
        List<String> schemes = new ArrayList<>();
        NodeList dicts = urlTypes.getElementsByTagName("dict");
        for (int i = 0; i < dicts.getLength(); i++) {
            NodeList strings = valueOf((Element) dicts.item(i), "CFBundleURLSchemes").getElementsByTagName("string");
            for (int j = 0; j < strings.getLength(); j++) {
                schemes.add(strings.item(j).getTextContent());
            }
        }
        assertThat(schemes).containsExactly("duet");
    }

    /** The element after {@code <key>name</key>} in a plist dict. */
    private static Element valueOf(Element dict, String name) {
        for (Node n = dict.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element key && key.getTagName().equals("key") && key.getTextContent().equals(name)) {
                Node value = key.getNextSibling();
                while (!(value instanceof Element)) {
                    value = value.getNextSibling();
                }
                return (Element) value;
            }
        }
        throw new AssertionError("no " + name + " in the plist dict");
    }
}
