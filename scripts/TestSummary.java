import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Summarises the Surefire and Failsafe reports written by one run of the test suite (those newer
 * than a marker file): tests per module, every failed test with the first line of its message, and
 * a closing line {@code tests: N passed, N failed, N skipped}. Run by scripts/test with the JDK's
 * source launcher; exits 1 when a report records a failure or an error.
 */
public final class TestSummary {
  private record Count(int tests, int failed, int skipped) {
    Count plus(Count other) {
      return new Count(tests + other.tests, failed + other.failed, skipped + other.skipped);
    }

    int passed() {
      return tests - failed - skipped;
    }
  }

  public static void main(String[] args) throws Exception {
    FileTime since = Files.getLastModifiedTime(Path.of(args[0]));
    Path root = Path.of(args[1]);
    Map<String, Count> modules = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Path report : reports(root, since)) {
      String module = root.relativize(report).getName(0).toString();
      modules.merge(module, read(report, failures), Count::plus);
    }
    Count total = modules.values().stream().reduce(new Count(0, 0, 0), Count::plus);
    System.out.println();
    System.out.println("== Keylocker test summary ==");
    modules.forEach(
        (module, c) ->
            System.out.printf("  %-20s %4d passed  %3d failed  %3d skipped%n", module, c.passed(), c.failed(), c.skipped()));
    if (modules.isEmpty()) {
      System.out.println("  no test reports were written (did the build stop before the tests?)");
    }
    if (!failures.isEmpty()) {
      System.out.println("Failed:");
      failures.forEach(f -> System.out.println("  " + f));
    }
    System.out.println("tests: " + total.passed() + " passed, " + total.failed() + " failed, " + total.skipped() + " skipped");
    System.exit(total.failed() > 0 ? 1 : 0);
  }

  private static List<Path> reports(Path root, FileTime since) throws IOException {
    try (Stream<Path> files = Files.walk(root, 4)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("TEST-") && p.getFileName().toString().endsWith(".xml"))
          .filter(p -> p.getParent().getFileName().toString().matches("(surefire|failsafe)-reports"))
          .filter(p -> newerThan(p, since))
          .sorted()
          .toList();
    }
  }

  private static boolean newerThan(Path file, FileTime since) {
    try {
      return Files.getLastModifiedTime(file).compareTo(since) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static Count read(Path report, List<String> failures) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      for (String kind : new String[] {"failure", "error"}) {
        NodeList problems = testcase.getElementsByTagName(kind);
        if (problems.getLength() > 0) {
          String name = testcase.getAttribute("name");
          failures.add(
              testcase.getAttribute("classname") + (name.isBlank() ? "" : "." + name) + ": "
                  + firstLine((Element) problems.item(0)));
        }
      }
    }
    int failed = number(suite, "failures") + number(suite, "errors");
    return new Count(number(suite, "tests"), failed, number(suite, "skipped"));
  }

  private static String firstLine(Element problem) {
    String text = problem.getAttribute("message");
    if (text.isBlank()) {
      Node body = problem.getFirstChild();
      text = body == null ? problem.getAttribute("type") : body.getTextContent();
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static int number(Element suite, String attribute) {
    String value = suite.getAttribute(attribute);
    return value.isEmpty() ? 0 : Integer.parseInt(value);
  }
}
