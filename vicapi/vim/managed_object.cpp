#include "vicapi/vim/managed_object.h"

#include "vicapi/vim/client.h"

namespace vic::vim {

soap::Node ManagedObject::call(const std::string& method, std::vector<soap::Node> args) const {
  return client_->invoke(method, ref_, std::move(args));
}

Task ManagedObject::startTask(const std::string& method, std::vector<soap::Node> args) const {
  auto r = call(method, std::move(args));
  return Task(*client_, Moref::from(r.at("returnval")), method + " on " + ref_.str());
}

Task ManagedObject::destroy() {
  return startTask("Destroy_Task");
}

}  // namespace vic::vim
