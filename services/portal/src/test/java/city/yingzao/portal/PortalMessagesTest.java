package city.yingzao.portal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word of the portal is in a message bundle, in both languages. */
class PortalMessagesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    @DisplayName("every bundle has the same keys in zh-CN and in English")
    void sameKeysInBothLanguages() throws IOException {
        List<Path> zh;
        try (Stream<Path> files = Files.list(MESSAGES)) {
            zh = files.filter(p -> p.getFileName().toString().endsWith("_zh_CN.properties")).sorted().toList();
        }
        assertThat(zh).isNotEmpty();
        for (Path chinese : zh) {
            Path english = chinese.resolveSibling(chinese.getFileName().toString().replace("_zh_CN", "_en"));
            assertThat(english).as("the English of %s", chinese.getFileName()).exists();
            assertThat(keys(english)).as("keys of %s", english.getFileName()).isEqualTo(keys(chinese));
        }
    }

    @Test
    @DisplayName("no template holds a word outside a message bundle")
    void noWordsInTemplates() throws IOException {
        // text between tags, and the human-facing attributes, once expressions and sections are taken out
        Pattern text = Pattern.compile(">([^<]+)<");
        Pattern attributes = Pattern.compile("(?:aria-label|title|alt|placeholder)=\"([^\"]*)\"");
        List<String> words = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template)
                        .replaceAll("(?s)\\{!.*?!\\}", "")
                        .replaceAll("(?s)<script.*?</script>", "")
                        .replaceAll("(?s)<style.*?</style>", "");
                for (Pattern p : List.of(text, attributes)) {
                    Matcher m = p.matcher(html);
                    while (m.find()) {
                        String left = m.group(1).replaceAll("\\{[^{}]*\\}", "").replaceAll("&[a-z]+;|&#\\d+;", "");
                        if (left.codePoints().anyMatch(Character::isLetter)) {
                            words.add(TEMPLATES.relativize(template) + ": \"" + left.strip() + "\"");
                        }
                    }
                }
            }
        }
        assertThat(words).as("words outside a bundle").isEmpty();
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
