#include "vicapi/vim/task.h"

#include <optional>
#include <thread>
#include <utility>

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
  // Many tasks (folders, reconfigures, power operations on vcsim and on idle
  // hosts) have ended by the time they are first read: one read settles
  // those, where following the task costs four calls.
  {
    auto info =
        PropertyCollector(*client_).retrieveOne(ref_, {"info.state", "info.error", "info.result"});
    const std::string state = info.text("info.state");
    if (state == "success") {
      const Node* r = info.prop("info.result");
      return r ? *r : Node();
    }
    if (state == "error") {
      const Node* e = info.prop("info.error");
      soap::throwMethodFault(description_, e ? *e : Node("error"));
    }
  }
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

Node Task::poll(std::chrono::milliseconds timeout) {
  return pollAll({*this}, timeout).front();
}

std::vector<Node> Task::pollAll(const std::vector<Task>& tasks, std::chrono::milliseconds timeout) {
  std::vector<Node> results(tasks.size());
  if (tasks.empty()) return results;
  Client& client = *tasks.front().client_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::vector<ObjectSpec> objects;
  for (const auto& t : tasks)
    objects.push_back(ObjectSpec{t.ref_});
  std::vector<bool> done(tasks.size(), false);
  std::size_t remaining = tasks.size();
  std::optional<std::pair<std::string, Node>> failure;  // description, fault
  std::chrono::milliseconds pause{3};
  PropertyCollector pc(client);
  while (remaining > 0) {
    std::this_thread::sleep_for(pause);
    auto infos = pc.retrieve({{"Task", {"info.state", "info.error", "info.result"}}}, objects);
    for (auto& info : infos) {
      for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (done[i] || tasks[i].ref_ != info.obj) continue;
        const std::string state = info.text("info.state");
        if (state != "success" && state != "error") continue;
        done[i] = true;
        --remaining;
        if (state == "success") {
          if (const Node* r = info.prop("info.result")) results[i] = *r;
        } else if (!failure) {
          const Node* error = info.prop("info.error");
          failure.emplace(tasks[i].description_, error ? *error : Node("error"));
        }
      }
    }
    if (remaining > 0 && std::chrono::steady_clock::now() >= deadline)
      throw TransportError(tasks.front().description_ + " did not finish in the time allowed");
    pause = std::min(pause * 3, std::chrono::milliseconds(500));
  }
  if (failure) soap::throwMethodFault(failure->first, failure->second);
  return results;
}

}  // namespace vic::vim
