// A vCenter's answer, as a server the caller names could send it: parsed
// whole and streamed in pieces, unwrapped, its faults mapped to their types,
// its objects and service content read. Only ProtocolError and the typed
// faults come out.
#include "tests/fuzz/fuzz_support.h"
#include "vicapi/net/errors.h"
#include "vicapi/soap/envelope.h"
#include "vicapi/soap/fault.h"
#include "vicapi/soap/xml_reader.h"
#include "vicapi/vim/object_content.h"
#include "vicapi/vim/service_content.h"

using namespace vic;

namespace {

void readWhole(std::string_view xml) {
  soap::Node response = soap::unwrapEnvelope("RetrievePropertiesEx", soap::parseXml(xml));
  if (const soap::Node* r = response.find("returnval")) {
    vim::ServiceContent::from(*r);
    std::vector<vim::ObjectContent> objects;
    vim::readRetrieveResult(soap::Node(*r), objects);
    for (const auto& o : objects)
      o.text("name");
  }
}

void readStreamed(std::string_view xml) {
  soap::ParseLimits limits;
  limits.maxElements = 10'000;  // small, so the fuzzer reaches it
  soap::StreamingParser parser(
      {"Envelope", "Body", "RetrievePropertiesExResponse", "returnval", "objects"},
      [](soap::Node&& o) { vim::readObjectContent(std::move(o)); }, limits);
  for (std::size_t at = 0; at < xml.size(); at += 7)
    parser.feed(xml.substr(at, 7));
  soap::unwrapEnvelope("RetrievePropertiesExResponse", parser.finish());
}

void readTaskError(std::string_view xml) {
  soap::throwMethodFault("CreateVM_Task", soap::parseXml(xml));
}

template <class F>
void expectingOnlyDocumentedErrors(F&& f) {
  try {
    f();
  } catch (const VimFault&) {
  } catch (const ProtocolError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto xml = fuzz::text(data, size);
  expectingOnlyDocumentedErrors([&] { readWhole(xml); });
  expectingOnlyDocumentedErrors([&] { readStreamed(xml); });
  expectingOnlyDocumentedErrors([&] { readTaskError(xml); });
  return 0;
}
