#pragma once

#include <filesystem>

#include "plugin-server/http/router.h"

namespace vic::server {

// Serves the plug-in UI's files from `root` for GET requests no route
// claims; unknown paths under the UI get index.html (the UI routes itself).
Handler staticFiles(std::filesystem::path root);

}  // namespace vic::server
