package uk.interop.kb.search.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import uk.interop.kb.search.IndexedDocument;

/** An Atom 1.0 feed (RFC 4287) written with StAX, so every value is escaped by the XML writer. */
final class AtomFeed {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	/** What starts the summary of an invented example. */
	static final String ILLUSTRATIVE = "Illustrative example, invented for demonstration: ";

	private AtomFeed() {
	}

	static String write(String title, String selfUrl, String pageUrl, List<IndexedDocument> documents, String baseUrl) {
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(ATOM);
			element(xml, "title", title);
			element(xml, "id", selfUrl);
			link(xml, "self", selfUrl, "application/atom+xml");
			link(xml, "alternate", pageUrl, "text/html");
			Instant updated = documents.stream().map(d -> d.document().published().atStartOfDay(ZoneOffset.UTC)
				.toInstant()).max(Instant::compareTo).orElse(Instant.EPOCH);
			element(xml, "updated", updated.toString());
			xml.writeStartElement("author");
			element(xml, "name", "Interop KB");
			xml.writeEndElement();
			for (IndexedDocument doc : documents) {
				xml.writeStartElement("entry");
				element(xml, "title", doc.document().title());
				element(xml, "id", baseUrl + doc.url());
				link(xml, "alternate", baseUrl + doc.url(), "text/html");
				element(xml, "updated", doc.document().published().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
				element(xml, "published", doc.document().published().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
				// A feed reader shows the summary alone: an invented example says so there, and as a category.
				element(xml, "summary", doc.document().illustrative()
						? ILLUSTRATIVE + doc.document().summary() : doc.document().summary());
				xml.writeEmptyElement("category");
				xml.writeAttribute("scheme", baseUrl + "/search?provenance");
				xml.writeAttribute("term", doc.document().illustrative() ? "illustrative" : "real");
				xml.writeAttribute("label", doc.document().illustrative() ? "Illustrative examples" : "Real sources");
				for (String level : doc.document().levels()) {
					xml.writeEmptyElement("category");
					xml.writeAttribute("scheme", baseUrl + "/levels");
					xml.writeAttribute("term", level);
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the feed", ex);
		}
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(stripInvalid(text));
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
		xml.writeAttribute("type", type);
	}

	/** XML 1.0 cannot carry most control characters, even escaped. */
	static String stripInvalid(String text) {
		return text == null ? "" : text.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "");
	}
}
