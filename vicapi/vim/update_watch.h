#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "vicapi/soap/node.h"
#include "vicapi/vim/moref.h"
#include "vicapi/vim/property_collector.h"

namespace vic::vim {

class Client;

// One object's part of an update round: `left` when it is gone from the
// filter (destroyed, or out of a view); else its changed properties, each
// with its new value (null when the property was unset).
struct ObjectUpdate {
  Moref obj;
  bool left = false;
  std::vector<std::pair<std::string, const soap::Node*>> changes;
};

// Follows properties of objects with WaitForUpdatesEx on a property collector
// of its own (so concurrent watches never steal each other's updates), never
// polling: a round returns as soon as anything changes. The collector is
// destroyed with the watch.
class UpdateWatch {
 public:
  UpdateWatch(Client& client, const std::vector<PropertySpec>& props,
              const std::vector<ObjectSpec>& objects);
  ~UpdateWatch();
  UpdateWatch(const UpdateWatch&) = delete;
  UpdateWatch& operator=(const UpdateWatch&) = delete;

  // Waits up to `maxWaitSeconds` for the next round and hands each object's
  // update to `each`; returns false when the time passed with no change. The
  // first round reports every object with its current values.
  bool next(int maxWaitSeconds, const std::function<void(const ObjectUpdate&)>& each);

  // Ends a next() that waits, from another thread (CancelWaitForUpdates):
  // the waiting call throws the server's RequestCanceled fault.
  void cancel();

  // "-" after a round in which the server knew none of the objects.
  const std::string& version() const { return version_; }

 private:
  void destroyCollector() noexcept;

  Client& client_;
  Moref collector_;
  std::string version_;
};

}  // namespace vic::vim
