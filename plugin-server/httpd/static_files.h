#pragma once

#include <filesystem>

#include "plugin-server/httpd/router.h"

namespace vic::server {

// Serves the plug-in UI's files from `root` at /ui/ for GET requests no
// route claims; unknown paths under it get index.html (the UI routes itself).
Handler staticFiles(std::filesystem::path root);

// The UI's files: $VIC_UI_DIR, else the build tree's ui-bundle/dist, else
// ../share/vic/ui next to the program; empty when none holds index.html.
std::filesystem::path locateUi();

// Sends one file with the content type its extension says; 404 when absent.
void sendFile(Exchange& ex, const std::filesystem::path& file, const std::string& cacheControl);

}  // namespace vic::server
