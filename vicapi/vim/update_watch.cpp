#include "vicapi/vim/update_watch.h"

#include "vicapi/util/log.h"
#include "vicapi/vim/client.h"

namespace vic::vim {

UpdateWatch::UpdateWatch(Client& client, const std::vector<PropertySpec>& props,
                         const std::vector<ObjectSpec>& objects)
    : client_(client) {
  auto made = client_.invoke("CreatePropertyCollector", client_.serviceContent().propertyCollector);
  collector_ = Moref::from(made.at("returnval"));
  try {
    client_.invoke("CreateFilter", collector_,
                   {PropertyCollector::specNode(props, objects, "spec"),
                    soap::boolEl("partialUpdates", false)});
  } catch (...) {
    destroyCollector();  // the filter's own failure is what the caller hears
    throw;
  }
}

UpdateWatch::~UpdateWatch() {
  destroyCollector();
}

void UpdateWatch::destroyCollector() noexcept {
  try {
    client_.invoke("DestroyPropertyCollector", collector_);
  } catch (const std::exception& e) {
    logger()->debug("DestroyPropertyCollector failed: {}", e.what());
  }
}

bool UpdateWatch::next(int maxWaitSeconds, const std::function<void(const ObjectUpdate&)>& each) {
  auto r = client_.invoke("WaitForUpdatesEx", collector_,
                          {soap::el("version", version_),
                           soap::el("options", {soap::intEl("maxWaitSeconds", maxWaitSeconds)})});
  const soap::Node* set = r.find("returnval");
  if (!set) return false;
  version_ = set->textOf("version");
  bool any = false;
  for (const soap::Node* filter : set->all("filterSet")) {
    for (const soap::Node* obj : filter->all("objectSet")) {
      const soap::Node* ref = obj->find("obj");
      if (!ref) continue;
      ObjectUpdate u{Moref::from(*ref), obj->textOf("kind") == "leave", {}};
      for (const soap::Node* change : obj->all("changeSet"))
        u.changes.emplace_back(change->textOf("name"), change->find("val"));
      any = true;
      each(u);
    }
  }
  return any;
}

void UpdateWatch::cancel() {
  client_.invoke("CancelWaitForUpdates", collector_);
}

}  // namespace vic::vim
