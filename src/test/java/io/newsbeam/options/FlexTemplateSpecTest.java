package io.newsbeam.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.testing.Paths;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.options.Validation;
import org.junit.Test;

public class FlexTemplateSpecTest {
  private static final Path COMMITTED = Paths.project().resolve("dataflow/newsbeam-metadata.json");

  @Test
  public void theCommittedMetadataIsTheOneGeneratedFromTheOptions() throws Exception {
    assertEquals(
        "dataflow/newsbeam-metadata.json is stale: regenerate it with"
            + " java -cp target/classes:$(cat target/classpath.txt) io.newsbeam.options.FlexTemplateSpec"
            + " dataflow/newsbeam-metadata.json",
        FlexTemplateSpec.json(), Files.readString(COMMITTED, StandardCharsets.UTF_8));
  }

  @Test
  public void everyOptionIsAParameterWithHelpTextAndItsRequiredness() throws Exception {
    JsonNode spec = new ObjectMapper().readTree(FlexTemplateSpec.json());
    TreeSet<String> options = new TreeSet<>();
    List<String> required = new ArrayList<>();
    for (Method m : NewsbeamOptions.class.getDeclaredMethods()) {
      if (m.getName().startsWith("get")) {
        options.add(FlexTemplateSpec.optionName(m));
        if (m.getAnnotation(Validation.Required.class) != null) {
          required.add(FlexTemplateSpec.optionName(m));
        }
      }
    }
    TreeSet<String> parameters = new TreeSet<>();
    for (JsonNode p : spec.path("parameters")) {
      parameters.add(p.path("name").asText());
      assertThat(p.path("helpText").asText(), not(emptyString()));
      assertThat(p.path("label").asText(), not(emptyString()));
      assertEquals(p.path("name").asText(), !required.contains(p.path("name").asText()), p.path("isOptional").asBoolean());
    }
    assertEquals(options, parameters);
    assertThat(spec.path("description").asText(), not(emptyString()));
  }

  @Test
  public void labelsAreReadable() {
    assertEquals("Max input bytes", FlexTemplateSpec.label("maxInputBytes"));
    assertEquals("Input", FlexTemplateSpec.label("input"));
  }
}
