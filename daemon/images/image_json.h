#pragma once

#include <nlohmann/json.hpp>

#include "daemon/images/image_store.h"

namespace vic::endpoint {

// Docker's shapes for an image: a row of GET /images/json, the document of
// GET /images/{name}/json and its history.
nlohmann::json imageSummary(const ImageRecord& i);
nlohmann::json imageInspect(const ImageRecord& i);
nlohmann::json imageHistory(const ImageRecord& i);

}  // namespace vic::endpoint
