package newsroom.articlefetcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FetchMessageTest {

    @Test
    void readsTheUrlAndSource_andNamesAMissingSourceUnknown() {
        assertThat(FetchMessage.decode("{\"url\":\" https://example.com/a \",\"source\":\"news\"}"))
                .isEqualTo(new FetchMessage.Readable(new FetchMessage("https://example.com/a", "news")));
        assertThat(FetchMessage.decode("{\"url\":\"https://example.com/a\"}"))
                .isEqualTo(new FetchMessage.Readable(new FetchMessage("https://example.com/a", "unknown")));
    }

    @Test
    void saysWhyABodyIsUnreadable() {
        assertThat(FetchMessage.decode("")).isEqualTo(new FetchMessage.Unreadable("empty message body"));
        assertThat(FetchMessage.decode("[1]"))
                .isEqualTo(new FetchMessage.Unreadable("message body is not a JSON object"));
        assertThat(FetchMessage.decode("{\"url\":3}"))
                .isEqualTo(new FetchMessage.Unreadable("message has no \"url\" string"));
    }
}
