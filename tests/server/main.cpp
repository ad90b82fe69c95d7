#define BOOST_TEST_MODULE vic - machine - server tests over HTTPS against vcsim
#include <boost/test/unit_test.hpp>

#include <cstdlib>

#include "vicapi/util/log.h"

// The tests' own logs go to stderr only from warnings up; the servers under
// test keep theirs in their data directories.
struct QuietLogs {
  QuietLogs() {
    if (!std::getenv("VIC_LOG_LEVEL")) vic::logger()->set_level(spdlog::level::warn);
  }
};
BOOST_TEST_GLOBAL_FIXTURE(QuietLogs);
