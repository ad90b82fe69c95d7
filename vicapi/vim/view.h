#pragma once

#include <functional>
#include <string>
#include <vector>

#include "vicapi/vim/moref.h"
#include "vicapi/vim/property_collector.h"

namespace vic::vim {

class Client;

// A ContainerView over `container`, destroyed when it goes out of scope. Used
// so that listing N objects costs one RetrievePropertiesEx, not N calls.
class ContainerView {
 public:
  ContainerView(Client& client, const Moref& container, std::vector<std::string> types,
                bool recursive = true);
  ~ContainerView();
  ContainerView(const ContainerView&) = delete;
  ContainerView& operator=(const ContainerView&) = delete;

  const Moref& ref() const { return ref_; }
  // Selects every object in the view, not the view itself.
  ObjectSpec objectSpec() const;

 private:
  Client& client_;
  Moref ref_;
};

// Reads `props` of every object of the given types under `container`: a view,
// one retrieval (plus continuations on a paging server) and the view's
// destruction; three round trips on vcsim whatever the number of objects.
std::vector<ObjectContent> retrieveFromContainer(Client& client, const Moref& container,
                                                 const std::vector<PropertySpec>& props,
                                                 bool recursive = true);
// The same round trips, each object handed to `each` as it arrives.
void retrieveEachFromContainer(Client& client, const Moref& container,
                               const std::vector<PropertySpec>& props,
                               const std::function<void(ObjectContent&&)>& each,
                               bool recursive = true);

}  // namespace vic::vim
