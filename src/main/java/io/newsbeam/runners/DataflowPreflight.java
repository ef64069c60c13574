package io.newsbeam.runners;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a Dataflow launch before anything is sent to Google Cloud: the options Dataflow needs, gs:// locations,
 * worker sizing, and that Application Default Credentials can be found. The SDK itself only warns about missing
 * credentials and then keeps retrying HTTP calls, so a launch without them would hang instead of failing.
 * Plain Java: works on the raw {@code --name=value} arguments, no Beam.
 */
public final class DataflowPreflight {
  private DataflowPreflight() {}

  /** Where credentials come from on Google machines (Compute Engine, Dataflow's Flex Template launcher). */
  static final Path GCE_PRODUCT_NAME = Path.of("/sys/class/dmi/id/product_name");

  private static final Pattern PROJECT = Pattern.compile("([a-z][-a-z0-9.]*:)?[a-z][-a-z0-9]{4,28}[a-z0-9]");
  private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");
  private static final Pattern MACHINE_TYPE = Pattern.compile("[a-z][a-z0-9]*-[a-z0-9-]+");
  private static final Pattern GCS = Pattern.compile("gs://[a-z0-9][-_.a-z0-9]{1,221}[a-z0-9](/.*)?");

  /** True when {@code args} select the DataflowRunner ({@code --runner=DataflowRunner}, {@code dataflow}, ...). */
  public static boolean selectsDataflow(String[] args) {
    String runner = parse(args).get("runner");
    if (runner == null) {
      return false;
    }
    String simple = runner.substring(runner.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return simple.equals("dataflow") || simple.equals("dataflowrunner");
  }

  /** Every problem with a Dataflow launch, each saying what to do; empty when it may be submitted. */
  public static List<String> problems(String[] args, Map<String, String> env, Path home) {
    Map<String, String> o = parse(args);
    List<String> p = new ArrayList<>();
    String project = o.get("project");
    if (project == null || project.isBlank()) {
      p.add("--project is missing: pass the Google Cloud project id to run in, e.g. --project=my-project");
    } else if (!PROJECT.matcher(project).matches()) {
      p.add("--project=" + project + " is not a project id (6-30 lowercase letters, digits and hyphens,"
          + " starting with a letter)");
    }
    String region = o.get("region");
    if (region == null || region.isBlank()) {
      p.add("--region is missing: pass the Dataflow region, e.g. --region=europe-west1");
    } else if (!REGION.matcher(region).matches()) {
      p.add("--region=" + region + " is not a region name such as europe-west1 or us-central1");
    }
    if (!o.containsKey("tempLocation") && !o.containsKey("gcpTempLocation")) {
      p.add("--tempLocation is missing: pass a gs:// folder for temporary files, e.g. --tempLocation=gs://my-bucket/tmp");
    }
    for (String name : List.of("tempLocation", "gcpTempLocation", "stagingLocation", "input", "output")) {
      String v = o.get(name);
      if (v != null && !GCS.matcher(v).matches()) {
        p.add("--" + name + "=" + v + " must be a gs:// location (Dataflow workers cannot see local files;"
            + " bucket names have 3-63 lowercase letters, digits, '-', '_' or '.'), e.g. gs://my-bucket/"
            + (name.endsWith("Location") ? "tmp" : name));
      }
    }
    for (String name : List.of("input", "output")) {
      if (!o.containsKey(name)) {
        p.add("--" + name + " is missing: pass a gs:// " + (name.equals("input") ? "glob of input files" : "output folder"));
      }
    }
    String machine = o.get("workerMachineType");
    if (machine != null && !MACHINE_TYPE.matcher(machine).matches()) {
      p.add("--workerMachineType=" + machine + " is not a Compute Engine machine type such as n2-standard-4");
    }
    Integer max = positive(o, "maxNumWorkers", p);
    Integer initial = positive(o, "numWorkers", p);
    if (max != null && initial != null && initial > max) {
      p.add("--numWorkers=" + initial + " is more than --maxNumWorkers=" + max);
    }
    positive(o, "diskSizeGb", p);
    String credentials = credentialsProblem(env, home);
    if (credentials != null) {
      p.add(credentials);
    }
    return p;
  }

  /**
   * Where Application Default Credentials would come from, or null when none can be found: the file named by
   * GOOGLE_APPLICATION_CREDENTIALS, gcloud's ADC file, or a Google machine's metadata server.
   */
  public static String credentialsSource(Map<String, String> env, Path home) {
    String file = env.get("GOOGLE_APPLICATION_CREDENTIALS");
    if (file != null && !file.isBlank()) {
      return Files.isReadable(Path.of(file)) ? file : null;
    }
    Path adc = gcloudConfig(env, home).resolve("application_default_credentials.json");
    if (Files.isReadable(adc)) {
      return adc.toString();
    }
    if (onGoogleMachine()) {
      return "metadata server";
    }
    return null;
  }

  static String credentialsProblem(Map<String, String> env, Path home) {
    if (credentialsSource(env, home) != null) {
      return null;
    }
    String file = env.get("GOOGLE_APPLICATION_CREDENTIALS");
    if (file != null && !file.isBlank()) {
      return "GOOGLE_APPLICATION_CREDENTIALS=" + file + " names no readable file: point it to a service account"
          + " key file, or unset it and run `gcloud auth application-default login`";
    }
    return "no Google Cloud credentials found (no GOOGLE_APPLICATION_CREDENTIALS, no "
        + gcloudConfig(env, home).resolve("application_default_credentials.json")
        + "): run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a service"
        + " account key file";
  }

  private static Path gcloudConfig(Map<String, String> env, Path home) {
    String dir = env.get("CLOUDSDK_CONFIG");
    return dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".config").resolve("gcloud");
  }

  private static boolean onGoogleMachine() {
    try {
      return Files.isReadable(GCE_PRODUCT_NAME) && Files.readString(GCE_PRODUCT_NAME).startsWith("Google");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Integer positive(Map<String, String> o, String name, List<String> p) {
    String v = o.get(name);
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    p.add("--" + name + "=" + v + " must be a positive whole number");
    return null;
  }

  /** {@code --name=value} and {@code --name value}-less flags ({@code --name} means true); the last one wins. */
  static Map<String, String> parse(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (String a : args) {
      if (!a.startsWith("--")) {
        continue;
      }
      int eq = a.indexOf('=');
      if (eq < 0) {
        o.put(a.substring(2), "true");
      } else {
        o.put(a.substring(2, eq), a.substring(eq + 1));
      }
    }
    return o;
  }

  /** Fails with every problem at once when {@code args} select Dataflow and the launch cannot work. */
  public static void check(String[] args, Map<String, String> env, Path home) {
    if (!selectsDataflow(args)) {
      return;
    }
    List<String> p = problems(args, env, home);
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot launch on Dataflow; nothing was sent:\n  - " + String.join("\n  - ", p));
    }
  }

  /** {@code DataflowPreflight ARGS...}: prints the problems and exits 2, or exits 0 (used by dataflow.sh). */
  public static void main(String[] args) {
    List<String> p = problems(args, System.getenv(), Path.of(System.getProperty("user.home")));
    if (!p.isEmpty()) {
      System.err.println("dataflow: cannot launch; nothing was sent:\n  - " + String.join("\n  - ", p));
      System.exit(2);
    }
    System.err.println("dataflow: options look complete; credentials from "
        + credentialsSource(System.getenv(), Path.of(System.getProperty("user.home"))));
  }
}
