#include <boost/test/unit_test.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "tests/support/simulator_fixture.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/datastore_files.h"
#include "vicapi/vim/file_manager.h"
#include "vicapi/vim/search_index.h"

using namespace vic;
namespace fs = std::filesystem;

namespace {

vim::Moref dc0(vim::Client& c) {
  return *vim::SearchIndex(c).findByInventoryPath("/DC0");
}

std::string randomBytes(std::size_t n) {
  std::mt19937 gen(42);
  std::string s(n, '\0');
  for (auto& ch : s)
    ch = static_cast<char>(gen() & 0xFF);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(datastore_files, *boost::unit_test::fixture<test::Vcsim>())

BOOST_AUTO_TEST_CASE(make_directory_and_delete) {
  auto c = test::loggedInClient();
  vim::FileManager fm(*c);
  const auto path = vim::datastorePath("LocalDS_0", "vch-dir/sub");
  fm.makeDirectory(path, dc0(*c), true);
  BOOST_CHECK_THROW(fm.makeDirectory(path, dc0(*c), false), FileAlreadyExistsFault);
  BOOST_CHECK_THROW(
      fm.makeDirectory(vim::datastorePath("LocalDS_0", "missing/child"), dc0(*c), false),
      FileNotFoundFault);
  fm.deleteDatastoreFile(vim::datastorePath("LocalDS_0", "vch-dir"), dc0(*c)).wait();
  BOOST_CHECK_THROW(
      fm.deleteDatastoreFile(vim::datastorePath("LocalDS_0", "vch-dir"), dc0(*c)).wait(),
      FileNotFoundFault);
}

BOOST_AUTO_TEST_CASE(upload_and_download_stream_files_intact) {
  auto c = test::loggedInClient();
  auto dir = test::scratchDir("datastore-transfer");
  const std::string content = randomBytes(6 * 1024 * 1024 + 17);
  { std::ofstream(dir / "appliance.iso", std::ios::binary) << content; }
  vim::DatastoreFiles files(*c, "DC0", "LocalDS_0");
  files.upload(dir / "appliance.iso", "vch-x/appliance.iso");
  files.download("vch-x/appliance.iso", dir / "back.iso");
  std::ifstream back(dir / "back.iso", std::ios::binary);
  std::stringstream got;
  got << back.rdbuf();
  BOOST_TEST(got.str().size() == content.size());
  BOOST_TEST((got.str() == content));

  // Names with spaces and other characters that need escaping in a URL.
  std::istringstream small("hello");
  files.upload(small, 5, "vch x/odd name&.txt");
  std::ostringstream out;
  files.download("vch x/odd name&.txt", out);
  BOOST_TEST(out.str() == "hello");

  BOOST_CHECK_THROW(files.download("vch-x/missing.iso", out), FileNotFoundFault);
  vim::FileManager(*c)
      .deleteDatastoreFile(vim::datastorePath("LocalDS_0", "vch-x"), dc0(*c))
      .wait();
  BOOST_CHECK_THROW(files.download("vch-x/appliance.iso", out), FileNotFoundFault);
}

BOOST_AUTO_TEST_SUITE_END()
