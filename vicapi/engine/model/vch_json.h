#pragma once

#include <nlohmann/json.hpp>

#include "vicapi/engine/model/issues.h"
#include "vicapi/engine/model/vch.h"

namespace vic::engine {

// Reads a VCH body of the 1.5 API. Problems of form (a wrong type, an unknown
// unit or enum value, a pattern the 1.5 schema declares) are added to
// `schemaIssues` with their paths; the server answers those with 422, as the
// original's schema validation did. Unknown members are ignored.
Vch vchFromJson(const nlohmann::json& body, Issues& schemaIssues);

// Writes the model in the same form. Secrets (the server's private key and
// the operations password) are never written. `withRuntime` adds the
// read-only runtime object.
nlohmann::json vchToJson(const Vch& vch, bool withRuntime = true);

// [{"path": ..., "message": ...}]: how the API reports problems.
nlohmann::json issuesToJson(const Issues& issues);

}  // namespace vic::engine
