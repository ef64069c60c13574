package io.newsbeam.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * The Dataflow Flex Template metadata (name, description, one parameter per {@link NewsbeamOptions} option with
 * its help text, whether it is optional, and a value regex), generated from the options interface so the two
 * cannot drift. {@code FlexTemplateSpec FILE} writes it; {@code dataflow/newsbeam-metadata.json} is its output
 * and a test checks the committed file is current.
 */
public final class FlexTemplateSpec {
  private FlexTemplateSpec() {}

  public static final String NAME = "newsbeam";
  public static final String DESCRIPTION =
      "Raw news files (text, HTML, PDF, DOCX, e-mail, gzip, zip) to clean, deduplicated, event-partitioned Avro"
          + " with a manifest; every input ends as an article, a duplicate or a reject.";

  /** The metadata as JSON text (stable order: parameters sorted by name). */
  public static String json() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", NAME);
    spec.put("description", DESCRIPTION);
    spec.put("parameters", parameters());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(spec) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Map<String, Object>> parameters() {
    List<Method> getters = new ArrayList<>();
    for (Method m : NewsbeamOptions.class.getDeclaredMethods()) {
      if ((m.getName().startsWith("get") || m.getName().startsWith("is")) && m.getParameterCount() == 0) {
        getters.add(m);
      }
    }
    getters.sort(Comparator.comparing(FlexTemplateSpec::optionName));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Method m : getters) {
      Description d = m.getAnnotation(Description.class);
      if (d == null) {
        throw new IllegalStateException(
            "NewsbeamOptions." + m.getName() + " has no @Description: every option needs help text");
      }
      boolean required = m.getAnnotation(Validation.Required.class) != null;
      String dflt = defaultOf(m);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", optionName(m));
      p.put("label", label(optionName(m)));
      p.put("helpText", d.value() + (dflt == null ? "" : " Default: " + dflt + "."));
      p.put("isOptional", !required);
      String regex = regexOf(m.getReturnType());
      if (regex != null) {
        p.put("regexes", List.of(regex));
      }
      out.add(p);
    }
    return out;
  }

  static String optionName(Method m) {
    String n = m.getName().startsWith("get") ? m.getName().substring(3) : m.getName().substring(2);
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  /** "maxInputBytes" → "Max input bytes". */
  static String label(String name) {
    String spaced = name.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static String defaultOf(Method m) {
    if (m.getAnnotation(Default.String.class) != null) {
      return m.getAnnotation(Default.String.class).value();
    }
    if (m.getAnnotation(Default.Boolean.class) != null) {
      return Boolean.toString(m.getAnnotation(Default.Boolean.class).value());
    }
    if (m.getAnnotation(Default.Integer.class) != null) {
      return Integer.toString(m.getAnnotation(Default.Integer.class).value());
    }
    if (m.getAnnotation(Default.Long.class) != null) {
      return Long.toString(m.getAnnotation(Default.Long.class).value());
    }
    if (m.getAnnotation(Default.Double.class) != null) {
      return Double.toString(m.getAnnotation(Default.Double.class).value());
    }
    if (m.getAnnotation(Default.Enum.class) != null) {
      return m.getAnnotation(Default.Enum.class).value();
    }
    return null;
  }

  private static String regexOf(Class<?> type) {
    if (type == boolean.class || type == Boolean.class) {
      return "^(true|false)$";
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "^-?[0-9]+$";
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return "^-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?$";
    }
    if (type.isEnum()) {
      return "^(" + String.join("|", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()) + ")$";
    }
    return null;
  }

  /** {@code FlexTemplateSpec [FILE]}: writes the metadata to FILE, or prints it. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.out.print(json());
    } else {
      Path file = Path.of(args[0]);
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, json(), StandardCharsets.UTF_8);
      System.err.println("wrote " + file);
    }
  }
}
