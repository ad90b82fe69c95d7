#define BOOST_TEST_MODULE vic integration tests against vcsim
#include <boost/test/unit_test.hpp>

#include <cstdlib>

#include "vicapi/util/log.h"

// Logs go to stderr only from warnings up, so failures stay readable.
struct QuietLogs {
  QuietLogs() {
    if (!std::getenv("VIC_LOG_LEVEL")) vic::logger()->set_level(spdlog::level::warn);
  }
};
BOOST_TEST_GLOBAL_FIXTURE(QuietLogs);
