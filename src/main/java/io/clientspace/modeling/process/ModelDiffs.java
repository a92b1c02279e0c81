package io.clientspace.modeling.process;

import io.clientspace.modeling.ModelDiff;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Which elements (anything with an id outside the diagram's layout) a version added, removed or changed. An
 * element counts as changed when its own XML differs, its children with ids aside; moving a shape is no change.
 */
public final class ModelDiffs {

    static final String DI_PREFIX = "http://www.omg.org/spec/";

    /**
     * Attributes at their schema default: the engine's model API writes them out, Camunda Modeler leaves them away;
     * either way they mean the same.
     */
    static final java.util.Set<String> DEFAULTS = java.util.Set.of("isClosed=false", "processType=None",
            "textFormat=text/plain", "isInterrupting=true", "parallelMultiple=false", "cancelActivity=true",
            "isForCompensation=false", "startQuantity=1", "completionQuantity=1", "gatewayDirection=Unspecified",
            "instantiate=false", "implementation=##WebService", "implementation=##unspecified",
            "triggeredByEvent=false", "exclusive=true", "asyncBefore=false", "asyncAfter=false", "async=false",
            "waitForCompletion=true", "isSequential=false", "behavior=All", "eventGatewayType=Exclusive",
            "isCollection=false", "associationDirection=None", "isImmediate=false");

    private ModelDiffs() {
    }

    public static ModelDiff between(byte[] before, byte[] after) {
        if (before == null) {
            return ModelDiff.NONE;
        }
        Map<String, String> old = elements(before);
        Map<String, String> now = elements(after);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        now.forEach((id, xml) -> {
            if (!old.containsKey(id)) {
                added.add(id);
            } else if (!old.get(id).equals(xml)) {
                changed.add(id);
            }
        });
        List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).toList();
        return new ModelDiff(added, removed, changed);
    }

    static Map<String, String> elements(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            Map<String, String> elements = new LinkedHashMap<>();
            collect(root, elements);
            return elements;
        } catch (Exception e) {
            throw new IllegalArgumentException("not readable XML", e);
        }
    }

    private static void collect(Element element, Map<String, String> into) {
        String ns = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        if (ns.contains("/DI") || ns.endsWith("/DMNDI/") || ns.contains("DMNDI") || ns.contains("/DD/")) {
            return;
        }
        if (element.hasAttribute("id") && element.getParentNode() instanceof Element) {
            into.put(element.getAttribute("id"), own(element));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, into);
            }
        }
    }

    /**
     * The element without its children that have ids of their own, in a canonical form: names by namespace URI
     * (not prefix), attributes sorted, namespace declarations left out, whitespace normalised. Two tools writing
     * the same model differently (Camunda Modeler, the engine's model API) then compare equal.
     */
    static String own(Element element) {
        StringBuilder out = new StringBuilder();
        canonical(element, out, true);
        return out.toString();
    }

    private static void canonical(Element element, StringBuilder out, boolean top) {
        out.append('<').append(element.getNamespaceURI()).append(':').append(element.getLocalName());
        java.util.TreeMap<String, String> attributes = new java.util.TreeMap<>();
        org.w3c.dom.NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            org.w3c.dom.Node a = map.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                continue;
            }
            String local = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
            if (DEFAULTS.contains(local + "=" + a.getNodeValue())) {
                continue;
            }
            String name = (a.getNamespaceURI() == null ? "" : a.getNamespaceURI() + ":") + local;
            attributes.put(name, a.getNodeValue());
        }
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        out.append('>');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                if (!top || !e.hasAttribute("id")) {
                    canonical(e, out, false);
                }
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue().replaceAll("\\s+", " ").strip();
                if (!text.isEmpty()) {
                    out.append(text);
                }
            }
        }
        out.append("</>");
    }
}
