package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The shape users depend on: every module is an io.schedsim:schedsim-* artifact (or schedsim
 * itself) at the parent's one version, and examples/user-project, a separate project that is no
 * module of the build, depends on io.schedsim:schedsim alone, at that same version.
 */
class ArtifactsTest {
    private static final Path ROOT = DocExcerptsTest.ROOT;

    @Test
    void everyModuleIsASchedsimArtifactAtTheParentsVersion() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        String version = child(parent, "version");
        List<String> artifacts = new ArrayList<>();
        for (Element module : children(child(parent, "modules", 0), "module")) {
            Element pom = pom(ROOT.resolve(module.getTextContent().trim()).resolve("pom.xml"));
            Element parentRef = children(pom, "parent").get(0);
            assertEquals("schedsim-parent", child(parentRef, "artifactId"));
            assertEquals(version, child(parentRef, "version"), module.getTextContent());
            // No module sets a version of its own: the parent's is the one version.
            assertTrue(children(pom, "version").isEmpty(), module.getTextContent());
            artifacts.add(child(pom, "artifactId"));
        }
        for (String artifact : artifacts) {
            assertTrue(artifact.equals("schedsim") || artifact.startsWith("schedsim-"),
                    artifact);
        }
        assertTrue(artifacts.contains("schedsim"), artifacts::toString);
    }

    @Test
    void theExampleProjectUsesTheOneArtifactAtThisVersionFromOutsideTheBuild() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        for (Element module : children(child(parent, "modules", 0), "module")) {
            assertFalse(module.getTextContent().trim().startsWith("examples"),
                    "examples/user-project must not be a module of the build");
        }
        Element example = pom(ROOT.resolve("examples/user-project/pom.xml"));
        assertTrue(children(example, "parent").isEmpty(), "the example has no parent pom");
        Element properties = child(example, "properties", 0);
        assertEquals(child(parent, "version"), child(properties, "schedsim.version"));
        List<String> schedsim = new ArrayList<>();
        for (Element dependency : children(child(example, "dependencies", 0), "dependency")) {
            if (child(dependency, "groupId").equals("io.schedsim")) {
                schedsim.add(child(dependency, "artifactId") + ":"
                        + child(dependency, "version"));
            }
        }
        assertEquals(List.of("schedsim:${schedsim.version}"), schedsim);
        assertTrue(Files.isRegularFile(ROOT.resolve("examples/user-project/src/test/resources/"
                + "META-INF/services/io.schedsim.prop.plugin.SchedsimPlugin")));
    }

    private static Element pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name, int index) {
        List<Element> found = children(parent, name);
        assertTrue(found.size() > index, "no <" + name + "> in <" + parent.getTagName() + ">");
        return found.get(index);
    }

    private static String child(Element parent, String name) {
        return child(parent, name, 0).getTextContent().trim();
    }
}
