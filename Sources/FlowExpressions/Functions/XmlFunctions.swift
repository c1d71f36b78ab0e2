import CLibXML2
import Foundation

/// xml() and xpath() over libxml2 (its parser with network access off, and its XPath 1.0 evaluator).
/// XML values are carried as their text.
enum XmlFunctions {
    static func call(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        switch arguments.function {
        case .xml: return .string(try xml(arguments))
        case .xpath: return try xpath(arguments)
        default: throw arguments.failure("is not an XML function")
        }
    }

    /// A string holding XML is checked and returned; a JSON object with one root property is converted as
    /// Json.NET does (`@name` members become attributes, `#text` the text, arrays repeated elements).
    static func xml(_ arguments: Arguments) throws(ExpressionEvaluationError) -> String {
        switch arguments[0] {
        case .string(let text):
            if let parsed = try? JSONValue.parse(text), case .object = parsed { return try fromJSON(parsed, arguments) }
            try checkWellFormed(text, arguments)
            return text
        case .object: return try fromJSON(arguments[0], arguments)
        default: throw arguments.typeError(0, expected: "a string of XML or a JSON object")
        }
    }

    static func fromJSON(_ value: JSONValue, _ arguments: Arguments) throws(ExpressionEvaluationError) -> String {
        guard case .object(let members) = value, members.count == 1, let (name, content) = members.elements.first else {
            throw arguments.invalid(0, "the JSON object must have exactly one root property to become XML")
        }
        guard content.arrayValue == nil else { throw arguments.invalid(0, "the root property '\(name)' must not be an array") }
        return try element(name, content, arguments)
    }

    static func element(_ name: String, _ value: JSONValue, _ arguments: Arguments) throws(ExpressionEvaluationError) -> String {
        guard isName(name) else { throw arguments.invalid(0, "'\(name)' is not a valid XML element name") }
        switch value {
        case .array(let items):
            var text = ""
            for item in items { text += try element(name, item, arguments) }
            return text
        case .object(let members):
            var attributes = ""
            var children = ""
            for (key, member) in members {
                if key.hasPrefix("@") {
                    let attribute = String(key.dropFirst())
                    guard isName(attribute) else { throw arguments.invalid(0, "'\(attribute)' is not a valid XML attribute name") }
                    attributes += " \(attribute)=\"\(escape(member.interpolationText, quotes: true))\""
                } else if key == "#text" {
                    children += escape(member.interpolationText, quotes: false)
                } else {
                    children += try element(key, member, arguments)
                }
            }
            return children.isEmpty ? "<\(name)\(attributes) />" : "<\(name)\(attributes)>\(children)</\(name)>"
        case .null:
            return "<\(name) />"
        default:
            return "<\(name)>\(escape(value.interpolationText, quotes: false))</\(name)>"
        }
    }

    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_-.:".unicodeScalars.contains($0) }
    }

    static func escape(_ text: String, quotes: Bool) -> String {
        var out = text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
        if quotes { out = out.replacing("\"", with: "&quot;") }
        return out
    }

    /// An XPath 1.0 result: a node set as an array (elements as their XML, attributes and text as their value), a
    /// number (whole numbers as integers, NaN as null), a string or a boolean.
    static func xpath(_ arguments: Arguments) throws(ExpressionEvaluationError) -> JSONValue {
        let text = try xml(Arguments(function: .xml, values: [arguments[0]]))
        let path = try arguments.string(1)
        _ = LibXML.initialized
        guard let doc = LibXML.parse(text) else { throw arguments.invalid(0, "the text is not well-formed XML") }
        defer { xmlFreeDoc(doc) }
        guard let context = insightflow_xpath_context(doc) else { throw arguments.failure("libxml2 could not make an XPath context") }
        defer { xmlXPathFreeContext(context) }
        guard let result = path.withCString({ xmlXPathEvalExpression(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), context) }) else {
            throw arguments.invalid(1, "'\(path)' is not an XPath expression")
        }
        defer { xmlXPathFreeObject(result) }
        switch result.pointee.type {
        case XPATH_NODESET:
            guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else { return .array([]) }
            var values: [JSONValue] = []
            for index in 0..<Int(set.pointee.nodeNr) {
                guard let node = table[index] else { continue }
                values.append(.string(node.pointee.type == XML_ELEMENT_NODE ? LibXML.dump(node, in: doc) : LibXML.content(node)))
            }
            return .array(values)
        case XPATH_BOOLEAN: return .bool(result.pointee.boolval != 0)
        case XPATH_NUMBER: return number(result.pointee.floatval)
        case XPATH_STRING: return .string(result.pointee.stringval.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? "")
        default: throw arguments.invalid(1, "'\(path)' gives a result InsightFlow cannot represent")
        }
    }

    /// A whole number as an integer, NaN (a node that is not a number) as null.
    static func number(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value.rounded() == value, abs(value) < 9e15 { return .int(Int(value)) }
        return .double(value)
    }

    /// Checks that `text` is well-formed XML.
    static func checkWellFormed(_ text: String, _ arguments: Arguments) throws(ExpressionEvaluationError) {
        _ = LibXML.initialized
        guard let doc = LibXML.parse(text) else { throw arguments.invalid(0, "the text is not well-formed XML") }
        xmlFreeDoc(doc)
    }
}

/// The few libxml2 calls the XML functions need.
enum LibXML {
    /// `xmlInitParser`, once, before any thread parses (libxml2's rule for multithreaded programs).
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The parsed document (the caller frees it), or nil when the text is not well-formed.
    static func parse(_ text: String) -> xmlDocPtr? {
        var bytes = Array(text.utf8)
        guard bytes.count < Int(Int32.max) else { return nil }
        let count = Int32(bytes.count)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlReadMemory($0, count, nil, "UTF-8", insightflow_xml_parse_options()) }
            }
        }
    }

    /// An element's outer XML.
    static func dump(_ node: xmlNodePtr, in doc: xmlDocPtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        xmlNodeDump(buffer, doc, node, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
    }

    /// A node's text content.
    static func content(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { insightflow_xml_free(content) }
        return String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
    }
}
