#include "vicapi/vim/task.h"

#include "vicapi/soap/errors.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"

namespace vic::vim {

using soap::el;
using soap::Node;

namespace {

// Owns a private property collector for the life of one wait.
class PrivateCollector {
 public:
  explicit PrivateCollector(Client& c) : client_(c) {
    auto r = c.invoke("CreatePropertyCollector", c.serviceContent().propertyCollector);
    ref_ = Moref::from(r.at("returnval"));
  }
  ~PrivateCollector() {
    try {
      client_.invoke("DestroyPropertyCollector", ref_);
    } catch (const std::exception& e) {
      logger()->debug("DestroyPropertyCollector failed: {}", e.what());
    }
  }
  const Moref& ref() const { return ref_; }

 private:
  Client& client_;
  Moref ref_;
};

constexpr int kMaxWaitSeconds = 30;

}  // namespace

Node Task::wait(std::optional<std::chrono::seconds> timeout) {
  const auto deadline = timeout ? std::chrono::steady_clock::now() + *timeout
                                : std::chrono::steady_clock::time_point::max();
  PrivateCollector pc(*client_);
  client_->invoke(
      "CreateFilter", pc.ref(),
      {PropertyCollector::specNode({{"Task", {"info.state", "info.error", "info.result"}}},
                                   {ObjectSpec{ref_}}, "spec"),
       soap::boolEl("partialUpdates", false)});

  std::string version;
  std::string state;
  Node error;
  Node result;
  bool first = true;
  while (true) {
    auto r = client_->invoke(
        "WaitForUpdatesEx", pc.ref(),
        {el("version", version), el("options", {soap::intEl("maxWaitSeconds", kMaxWaitSeconds)})});
    if (const Node* set = r.find("returnval")) {
      version = set->textOf("version");
      for (const Node* filter : set->all("filterSet")) {
        for (const Node* obj : filter->all("objectSet")) {
          for (const Node* change : obj->all("changeSet")) {
            const std::string name = change->textOf("name");
            const Node* val = change->find("val");
            if (name == "info.state" && val) state = val->text;
            if (name == "info.error" && val) error = *val;
            if (name == "info.result" && val) result = *val;
          }
        }
      }
    }
    if (state.empty() && version == "-" && first)
      throw ProtocolError("the server does not know the task " + ref_.str() + " (" + description_ +
                          ")");
    first = false;
    if (state == "success") return result;
    if (state == "error") soap::throwMethodFault(description_, error);
    if (std::chrono::steady_clock::now() >= deadline)
      throw TransportError(description_ + " did not finish in the time allowed (task " +
                           ref_.value + " is " + (state.empty() ? "unknown" : state) + ")");
  }
}

}  // namespace vic::vim
