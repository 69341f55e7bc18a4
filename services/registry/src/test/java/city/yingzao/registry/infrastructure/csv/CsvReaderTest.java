package city.yingzao.registry.infrastructure.csv;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    @Test
    @DisplayName("quoted fields hold commas, doubled quotes and line breaks; rows keep the line they start on")
    void quotedFields() {
        List<CsvReader.Row> rows = CsvReader.read("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\nlast,\n");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 4);
        assertThat(rows.get(1).fields()).containsExactly("x, \"y\"", "two\nlines");
        assertThat(rows.get(2).fields()).containsExactly("last", "");
    }

    @Test
    @DisplayName("a byte-order mark is ignored and blank lines are skipped")
    void bomAndBlankLines() {
        List<CsvReader.Row> rows = CsvReader.read("\uFEFFcode\n\nX1");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(List.of("code"), List.of("X1"));
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    @DisplayName("a quote never closed is malformed, reported at the line where its record starts")
    void unclosedQuote() {
        assertThatThrownBy(() -> CsvReader.read("a\n\"open,b\nc"))
                .isInstanceOfSatisfying(CsvReader.MalformedCsv.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    @DisplayName("text after a closing quote is malformed")
    void textAfterQuote() {
        assertThatThrownBy(() -> CsvReader.read("\"a\"b,c")).isInstanceOf(CsvReader.MalformedCsv.class);
    }
}
