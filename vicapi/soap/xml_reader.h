#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vicapi/soap/node.h"

namespace vic::soap {

// How much of a document is believed before it is refused with
// ProtocolError. vSphere data nests about 15 elements deep and a real answer
// held whole stays well under a few MiB; beyond these a server is broken or
// hostile, and the caller gets an error instead of the process running out of
// stack or memory. A streamed element counts alone: what was handed on is no
// longer held.
struct ParseLimits {
  std::size_t maxDepth = 64;
  std::size_t maxElements = 200'000;     // held at once
  std::size_t maxTextBytes = 16u << 20;  // names, attributes and text held at once
};

// Parses a document and returns its root element. Throws ProtocolError with
// the parser's message when the text is not well-formed XML, declares a
// document type, or goes beyond `limits`.
Node parseXml(std::string_view xml, const ParseLimits& limits = {});

// Like parseXml(), reading the document from `in` in pieces; a document
// longer than `maxBytes` is refused without reading further.
Node readXml(std::istream& in, std::uint64_t maxBytes, const ParseLimits& limits = {});

// Parses a document fed in pieces. Each completed element whose path of names
// from the root is `path` (Envelope, Body, RetrievePropertiesExResponse,
// returnval, objects) goes to `onElement` and is dropped from the tree, so a
// long answer is never whole in memory. An exception from `onElement` stops
// the parse and comes out of feed() or finish().
class StreamingParser {
 public:
  StreamingParser(std::vector<std::string> path, std::function<void(Node&&)> onElement,
                  const ParseLimits& limits = {});
  ~StreamingParser();
  void feed(std::string_view chunk);
  Node finish();  // the rest of the document

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace vic::soap
