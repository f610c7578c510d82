package io.schedsim.prop.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build passes no property budget to Surefire by default, so each test's own holds (when
 * the parent pom passed 200 seeds and 20 s, {@link OwnBudgetTest} could only skip: inside the
 * test JVM a property the pom set looks like one the user set). Only the long-properties profile
 * sets them, for every test at once.
 */
class BuildBudgetTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir",
            System.getProperty("user.dir"))).toAbsolutePath().normalize().getParent();

    @Test
    void noPomPassesABudgetOutsideAProfile() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path pom : poms()) {
            for (Element variable : budgetVariables(pom)) {
                if (profileOf(variable) == null) {
                    found.add(ROOT.relativize(pom) + ": " + variable.getTagName());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theLongPropertiesProfileSetsBothBudgets() throws Exception {
        List<String> set = new ArrayList<>();
        for (Element variable : budgetVariables(ROOT.resolve("pom.xml"))) {
            Element profile = profileOf(variable);
            assertTrue(profile != null && id(profile).equals("long-properties"),
                    variable.getTagName());
            set.add(variable.getTagName() + "=" + variable.getTextContent().trim());
        }
        assertEquals(List.of("schedsim.tries=20000", "schedsim.seconds=600"), set);
    }

    private static List<Path> poms() throws IOException {
        List<Path> poms = new ArrayList<>(List.of(ROOT.resolve("pom.xml")));
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile).sorted()
                    .forEach(poms::add);
        }
        assertTrue(poms.size() > 5, "found only " + poms);
        return poms;
    }

    /** The properties that budget or redirect a property test. */
    private static final List<String> BUDGET = List.of(Budget.TRIES, Budget.SECONDS, Budget.SEED,
            Budget.THREADS, PropertyCheck.REPLAY);

    /** Every budget element under a systemPropertyVariables of {@code pom}. */
    private static List<Element> budgetVariables(Path pom) throws Exception {
        NodeList lists = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(pom.toFile()).getElementsByTagName("systemPropertyVariables");
        List<Element> variables = new ArrayList<>();
        for (int i = 0; i < lists.getLength(); i++) {
            for (Node child = lists.item(i).getFirstChild(); child != null;
                    child = child.getNextSibling()) {
                if (child instanceof Element element
                        && BUDGET.contains(element.getTagName())) {
                    variables.add(element);
                }
            }
        }
        return variables;
    }

    private static Element profileOf(Node node) {
        for (Node up = node.getParentNode(); up != null; up = up.getParentNode()) {
            if (up instanceof Element element && element.getTagName().equals("profile")) {
                return element;
            }
        }
        return null;
    }

    private static String id(Element profile) {
        NodeList ids = profile.getElementsByTagName("id");
        return ids.getLength() == 0 ? "" : ids.item(0).getTextContent().trim();
    }
}
