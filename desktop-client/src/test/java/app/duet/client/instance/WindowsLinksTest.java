package app.duet.client.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WindowsLinksTest {

    @Test
    void theLinkStartsTheInstalledLauncherWithTheLinkAsItsArgument() {
        List<List<String>> commands = WindowsLinks.commands("C:\\Program Files\\Duet\\Duet.exe");

        assertThat(commands).contains(
                List.of("reg", "add", "HKCU\\Software\\Classes\\duet\\shell\\open\\command", "/ve", "/d",
                        "\"C:\\Program Files\\Duet\\Duet.exe\" \"%1\"", "/f"),
                List.of("reg", "add", "HKCU\\Software\\Classes\\duet", "/v", "URL Protocol", "/d", "", "/f"));
    }

    @Test
    void onlyAnInstalledAppOnWindowsRegisters() {
        List<Runnable> ran = new ArrayList<>();

        WindowsLinks.register("Linux", "/opt/duet/bin/Duet", ran::add);
        WindowsLinks.register("Windows 11", null, ran::add);

        assertThat(ran).isEmpty();
    }
}
