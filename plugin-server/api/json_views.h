#pragma once

#include <nlohmann/json.hpp>

#include "plugin-server/store/journal.h"
#include "vicapi/engine/model/issues.h"
#include "vicapi/engine/query.h"

namespace vic::server {

// The API's JSON shapes for engine and journal objects.
nlohmann::json listItemJson(const engine::VchListItem& v);
nlohmann::json vchJson(const engine::Vch& v, const std::string& id);
// `uri` is where the task is read; `withLog` adds the operation's log lines.
nlohmann::json taskJson(const OperationRecord& op, const std::string& uri, bool withLog);
// With the thumbprint the caller pinned the target with (1.5 clients send
// ?thumbprint=), so that the URI can be fetched as given.
// `under` names a resource of the task, such as "/certificates".
std::string taskUri(const std::string& target, const std::string& opId,
                    const std::string& thumbprint = "", const std::string& under = "");

}  // namespace vic::server
