#include "tests/support/fake_transport.h"

#include "vicapi/base/error.h"
#include "vicapi/soap/fault.h"

namespace vic::test {

using soap::el;
using soap::Node;

namespace {

Node ref(const std::string& name, const std::string& type, const std::string& value) {
  return vim::Moref{type, value}.node(name);
}

}  // namespace

FakeTransport::FakeTransport() {
  endpoint_.host = "fake.invalid";
  endpoint_.port = 443;
  on("RetrieveServiceContent", [](const Node&) {
    Node sc("returnval");
    sc.add(ref("rootFolder", "Folder", "group-d1"));
    sc.add(ref("propertyCollector", "PropertyCollector", "propertyCollector"));
    sc.add(ref("viewManager", "ViewManager", "ViewManager"));
    sc.add(ref("sessionManager", "SessionManager", "SessionManager"));
    sc.add(ref("authorizationManager", "AuthorizationManager", "AuthorizationManager"));
    sc.add(ref("fileManager", "FileManager", "FileManager"));
    sc.add(el("about", {el("apiType", "VirtualCenter"), el("apiVersion", "8.0.0.0"),
                        el("instanceUuid", "fake-vcenter")}));
    return sc;
  });
  on("Login", [](const Node& req) {
    return el("returnval", {el("key", "session-key"), el("userName", req.textOf("userName"))});
  });
  on("Logout", [](const Node&) { return Node(); });
  on("CurrentTime", [](const Node&) { return el("returnval", "2026-11-29T00:00:00Z"); });
  on("RetrievePropertiesEx", [this](const Node& req) { return answerTaskInfo(req); });
}

void FakeTransport::on(const std::string& method, Answer answer) {
  std::lock_guard lock(mutex_);
  answers_[method] = std::move(answer);
}

void FakeTransport::failCall(std::size_t n, std::function<void()> fail) {
  std::lock_guard lock(mutex_);
  failures_[calls_->size() + n] = std::move(fail);
}

std::vector<std::string> FakeTransport::methods() const {
  std::lock_guard lock(mutex_);
  return *calls_;
}

std::size_t FakeTransport::callCount() const {
  std::lock_guard lock(mutex_);
  return calls_->size();
}

vim::Moref FakeTransport::finishedTask(Node result, std::string faultType) {
  std::lock_guard lock(mutex_);
  const std::string id = "task-" + std::to_string(tasks_.size() + 1);
  result.name = "val";
  tasks_[id] = {std::move(result), std::move(faultType)};
  return {"Task", id};
}

vim::Moref FakeTransport::runningTask() {
  std::lock_guard lock(mutex_);
  const std::string id = "task-" + std::to_string(tasks_.size() + 1);
  tasks_[id] = {Node(), {}, true};
  return {"Task", id};
}

// Answers vim::Task's one read of info.state/error/result; other property
// reads must be scripted by the test (it replaces this answer).
Node FakeTransport::answerTaskInfo(const Node& req) {
  std::lock_guard lock(mutex_);
  Node out("returnval");
  for (const Node* spec : req.all("specSet"))
    for (const Node* object : spec->all("objectSet")) {
      const std::string id = object->textOf("obj");
      auto it = tasks_.find(id);
      if (it == tasks_.end()) continue;
      Node content("objects");
      content.add(ref("obj", "Task", id));
      const bool failed = !it->second.faultType.empty();
      const char* state = it->second.running ? "running" : failed ? "error" : "success";
      content.add(el("propSet", {el("name", "info.state"), el("val", state)}));
      if (failed) {
        Node fault("fault");
        fault.xsiType = it->second.faultType;
        content.add(el("propSet", {el("name", "info.error"), el("val", {std::move(fault)})}));
      } else if (!it->second.running) {
        Node val = it->second.result;
        content.add(el("propSet", {el("name", "info.result"), std::move(val)}));
      }
      out.add(std::move(content));
    }
  return out;
}

Node FakeTransport::call(const Node& request, bool, const ResponseCheck& check) {
  Answer answer;
  std::function<void()> fail;
  {
    std::lock_guard lock(mutex_);
    calls_->push_back(request.name);
    if (auto f = failures_.find(calls_->size()); f != failures_.end()) {
      fail = std::move(f->second);
      failures_.erase(f);
    }
    if (auto a = answers_.find(request.name); a != answers_.end()) answer = a->second;
  }
  if (fail) fail();
  if (!answer)
    soap::throwFault(request.name, "MethodNotFound", "the fake transport has no answer scripted",
                     Node());
  Node response(request.name + "Response");
  Node returned = answer(request);
  if (!returned.name.empty()) response.add(std::move(returned));
  if (check) check(response);
  return response;
}

Node FakeTransport::callStreamed(const Node& request, const std::vector<std::string>&,
                                 const std::function<void(Node&&)>& onElement) {
  Node response = call(request);
  if (const Node* r = response.find("returnval"))
    for (const Node* o : r->all("objects"))
      onElement(Node(*o));
  return response;
}

void FakeTransport::upload(const std::string& pathAndQuery, std::istream&, std::uint64_t) {
  std::lock_guard lock(mutex_);
  calls_->push_back("PUT " + pathAndQuery);
}

void FakeTransport::download(const std::string& pathAndQuery, std::ostream&, std::uint64_t) {
  {
    std::lock_guard lock(mutex_);
    calls_->push_back("GET " + pathAndQuery);
  }
  soap::throwFault("download " + pathAndQuery, "FileNotFound", "no such file", Node());
}

Secret FakeTransport::sessionCookie() const {
  std::lock_guard lock(mutex_);
  return cookie_;
}

void FakeTransport::setSessionCookie(Secret cookie) {
  std::lock_guard lock(mutex_);
  cookie_ = std::move(cookie);
}

}  // namespace vic::test
