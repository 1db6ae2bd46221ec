package newsroom.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import newsroom.core.testing.RepoFiles;

/**
 * {@code cfn-lint template.yaml} (with the SAM translator) must report nothing: no errors, no warnings. Runs the
 * real linter the way CI and a developer would; a machine without it fails here with what to install.
 */
class CfnLintTest {

    @Test
    void templatePassesCfnLint_withNoErrorsAndNoWarnings() throws IOException, InterruptedException {
        Path output = Files.createTempFile("cfn-lint", ".txt");
        Process lint;
        try {
            lint = new ProcessBuilder("cfn-lint", "template.yaml")
                    .directory(RepoFiles.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
        } catch (IOException notInstalled) {
            throw new AssertionError("cfn-lint is not on the PATH: install cfn-lint (with the SAM translator, "
                    + "e.g. pip install cfn-lint) to run the template check", notInstalled);
        }
        boolean finished = lint.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            lint.destroyForcibly();
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);

        assertThat(finished).as("cfn-lint finished within 5 minutes").isTrue();
        assertThat(report).as("cfn-lint output").isEmpty();
        assertThat(lint.exitValue()).as("cfn-lint exit code (0: no errors, no warnings)").isZero();
    }
}
