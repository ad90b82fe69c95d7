#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "plugin-server/httpd/http_error.h"
#include "plugin-server/httpd/router.h"
#include "plugin-server/httpd/server_load.h"

namespace vic::server {

// Serves every request: CORS headers as the original sent them, the route's
// handler, errors turned into JSON by `replies`, and one access-log line per request
// (method, path, status, duration, user; never a header or a body).
// `fallback` serves what no route matches (the UI's files), or null. Under
// `load`, connections are not kept alive while every thread is busy.
Poco::Net::HTTPRequestHandlerFactory::Ptr dispatcher(const Router& router, Handler fallback,
                                                     ErrorReplies replies, const ServerLoad& load);

}  // namespace vic::server
