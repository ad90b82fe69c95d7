#define BOOST_TEST_MODULE vic unit tests
#include <boost/test/unit_test.hpp>
