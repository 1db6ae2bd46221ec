package newsroom.core.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ChunkPlannerTest {

    private final MarkdownSegmenter segmenter = new MarkdownSegmenter();

    @Test
    void keepsProtectedEdgesAndEdgeWhitespaceOutOfTheRequest() {
        List<ChunkPlanner.Part> parts = new ChunkPlanner(1_000).plan(segmenter.segment("> Quoted `x` text  \n"));

        assertThat(parts).extracting(p -> p.isChunk() ? "chunk:" + p.chunk().request() : "verbatim:" + p.verbatim())
                .containsExactly("verbatim:> ", "chunk:Quoted {0} text", "verbatim:  \n");
    }

    @Test
    void sendsNoRequestForPartsWithoutLetters() {
        List<ChunkPlanner.Part> parts = new ChunkPlanner(1_000).plan(segmenter.segment("42 — 7\n\n```\nx\n```\n"));

        assertThat(parts).noneMatch(ChunkPlanner.Part::isChunk);
    }

    @Test
    void plansRequestsWithinTheLimit_thatTogetherCoverTheTextExactly() {
        Random random = new Random(99L);
        String alphabet = "ab cd. e! \n\n`#>-*1[]()&;{}|é😀";
        for (int i = 0; i < 500; i++) {
            String text = MarkdownSegmenterTest.randomText(random, alphabet, random.nextInt(600));
            int limit = 64 + random.nextInt(200);
            StringBuilder covered = new StringBuilder();
            for (ChunkPlanner.Part part : new ChunkPlanner(limit).plan(segmenter.segment(text))) {
                if (part.isChunk()) {
                    assertThat(part.chunk().request().getBytes(StandardCharsets.UTF_8).length)
                            .as("request of %s at limit %d", text, limit).isLessThanOrEqualTo(limit);
                    part.chunk().segments().forEach(s -> covered.append(s.text()));
                } else {
                    covered.append(part.verbatim());
                }
            }
            assertThat(covered.toString()).isEqualTo(text);
        }
    }
}
