package city.yingzao.charts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Quarkus application added to the build (a module {@code services/<name>} of the root pom
 * with the Quarkus Maven plugin) must also be deployable: an alias in the umbrella chart and an
 * image in {@code images/}. The portal was one such module that had neither.
 */
class EveryServiceTest {

    private static final Path ROOT = ChartWorkspace.repositoryFile(".").normalize();

    @Test
    @DisplayName("every Quarkus application of the root pom is an alias of yingzao-service in the umbrella and an image of images/pom.xml")
    void everyApplicationIsDeployed() throws IOException {
        TreeSet<String> applications = new TreeSet<>();
        Matcher modules = Pattern.compile("<module>services/([a-z-]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            Path pom = ROOT.resolve("services").resolve(modules.group(1)).resolve("pom.xml");
            if (Files.readString(pom).contains("<artifactId>quarkus-maven-plugin</artifactId>")) {
                applications.add(modules.group(1));
            }
        }
        assertThat(applications).contains("registry", "portal");

        TreeSet<String> aliases = new TreeSet<>();
        Matcher alias = Pattern.compile("(?m)^    alias: ([a-z-]+)$").matcher(Files.readString(ROOT.resolve("charts/yingzao/Chart.yaml")));
        while (alias.find()) {
            aliases.add(alias.group(1));
        }
        assertThat(aliases).as("aliases in charts/yingzao/Chart.yaml").isEqualTo(applications);

        String images = Files.readString(ROOT.resolve("images/pom.xml"));
        Matcher list = Pattern.compile("<yingzao.images.services>([^<]*)</yingzao.images.services>").matcher(images);
        assertThat(list.find()).isTrue();
        List<String> imaged = Arrays.asList(list.group(1).split(","));
        assertThat(new TreeSet<>(imaged)).as("yingzao.images.services in images/pom.xml").isEqualTo(applications);
        for (String application : applications) {
            // build order: the service's quarkus-app exists before its image is built
            assertThat(images).as("dependency on yingzao-" + application + " in images/pom.xml")
                .contains("<artifactId>yingzao-" + application + "</artifactId>");
        }
    }
}
