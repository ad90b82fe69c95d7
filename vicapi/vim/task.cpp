#include "vicapi/vim/task.h"

#include <optional>
#include <thread>
#include <utility>

#include "vicapi/base/stop_scope.h"
#include "vicapi/net/errors.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/update_watch.h"

namespace vic::vim {

using soap::el;
using soap::Node;

namespace {
constexpr int kMaxWaitSeconds = 30;
}  // namespace

Node Task::wait(std::optional<std::chrono::seconds> timeout, std::stop_token stop) {
  const auto deadline = timeout ? std::chrono::steady_clock::now() + *timeout
                                : std::chrono::steady_clock::time_point::max();
  const auto stopped = [&] {
    return Cancelled(description_ + " was stopped: the appliance is shutting down (task " +
                     ref_.value + " may still run in vCenter)");
  };
  if (stop.stop_requested()) throw stopped();
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
  UpdateWatch watch(*client_, {{"Task", {"info.state", "info.error", "info.result"}}},
                    {ObjectSpec{ref_}});
  std::stop_callback onStop(stop, [&] {
    try {
      watch.cancel();
    } catch (const std::exception& e) {
      logger()->debug("CancelWaitForUpdates failed: {}", e.what());
    }
  });

  std::string state;
  Node error;
  Node result;
  bool first = true;
  while (true) {
    try {
      watch.next(kMaxWaitSeconds, [&](const ObjectUpdate& u) {
        for (const auto& [name, val] : u.changes) {
          if (!val) continue;
          if (name == "info.state") state = val->text;
          if (name == "info.error") error = *val;
          if (name == "info.result") result = *val;
        }
      });
    } catch (const VimFault&) {
      if (stop.stop_requested()) throw stopped();
      throw;
    }
    if (stop.stop_requested()) throw stopped();
    if (state.empty() && watch.version() == "-" && first)
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
  const std::stop_token& stop = StopScope::current();
  while (remaining > 0) {
    std::this_thread::sleep_for(pause);
    if (stop.stop_requested())
      throw Cancelled(tasks.front().description_ + " was stopped: the appliance is shutting down");
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
