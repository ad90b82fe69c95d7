#include "vicapi/vim/view.h"

#include "vicapi/util/log.h"
#include "vicapi/vim/client.h"

namespace vic::vim {

ContainerView::ContainerView(Client& client, const Moref& container, std::vector<std::string> types,
                             bool recursive)
    : client_(client) {
  std::vector<soap::Node> args{container.node("container")};
  for (auto& t : types)
    args.push_back(soap::el("type", std::move(t)));
  args.push_back(soap::boolEl("recursive", recursive));
  auto response =
      client_.invoke("CreateContainerView", client_.serviceContent().viewManager, std::move(args));
  ref_ = Moref::from(response.at("returnval"));
}

ContainerView::~ContainerView() {
  try {
    client_.invoke("DestroyView", ref_);
  } catch (const std::exception& e) {
    // A view dies with its session anyway; failing to destroy it early is not
    // worth failing the caller's operation for.
    logger()->debug("DestroyView {} failed: {}", ref_.str(), e.what());
  }
}

ObjectSpec ContainerView::objectSpec() const {
  return ObjectSpec{ref_, true, {TraversalSpec{"view", "ContainerView", "view", false, {}}}};
}

std::vector<ObjectContent> retrieveFromContainer(Client& client, const Moref& container,
                                                 const std::vector<PropertySpec>& props,
                                                 bool recursive) {
  std::vector<std::string> types;
  for (const auto& p : props)
    types.push_back(p.type);
  ContainerView view(client, container, types, recursive);
  return PropertyCollector(client).retrieve(props, {view.objectSpec()});
}

void retrieveEachFromContainer(Client& client, const Moref& container,
                               const std::vector<PropertySpec>& props,
                               const std::function<void(ObjectContent&&)>& each, bool recursive) {
  std::vector<std::string> types;
  for (const auto& p : props)
    types.push_back(p.type);
  ContainerView view(client, container, types, recursive);
  PropertyCollector(client).retrieveEach(props, {view.objectSpec()}, each);
}

}  // namespace vic::vim
