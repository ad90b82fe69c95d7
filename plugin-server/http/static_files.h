#pragma once

#include <filesystem>

#include "plugin-server/http/router.h"

namespace vic::server {

// Serves the plug-in UI's files from `root` for GET requests no route
// claims; unknown paths under the UI get index.html (the UI routes itself).
Handler staticFiles(std::filesystem::path root);

// Sends one file with the content type its extension says; 404 when absent.
void sendFile(Exchange& ex, const std::filesystem::path& file, const std::string& cacheControl);

}  // namespace vic::server
