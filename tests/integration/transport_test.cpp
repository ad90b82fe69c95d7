#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include "tests/support/simulator_fixture.h"
#include "vicapi/net/errors.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/property_collector.h"

using namespace vic;

namespace {

sim::Simulator& vc() {
  return test::SimulatorFixture::current();
}

unsigned short freePort() {
  Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
  unsigned short port = s.address().port();
  s.close();
  return port;
}

vim::Moref firstVm(vim::Client& c) {
  auto r = c.invoke("FindByInventoryPath", c.serviceContent().searchIndex,
                    {soap::el("inventoryPath", "/DC0/vm/DC0_H0_VM0")});
  return vim::Moref::from(r.at("returnval"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transport, *boost::unit_test::fixture<test::Vcsim>())

BOOST_AUTO_TEST_CASE(a_server_that_is_down_is_a_clear_transport_error) {
  net::Endpoint nowhere{"127.0.0.1", freePort()};
  try {
    vim::Client c(nowhere, tls::Trust::pin(vc().thumbprint()));
    BOOST_FAIL("connect should fail");
  } catch (const TransportError& e) {
    BOOST_TEST(std::string(e.what()).find("connection refused") != std::string::npos);
    BOOST_TEST(std::string(e.what()).find(nowhere.hostPort()) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_server_that_never_answers_times_out) {
  // Accepts TCP (the kernel's backlog does) but never speaks TLS.
  Poco::Net::ServerSocket silent(Poco::Net::SocketAddress("127.0.0.1", 0));
  vim::ClientOptions o;
  o.transport.timeouts.connect = std::chrono::milliseconds(300);
  o.transport.timeouts.read = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW(
      vim::Client({"127.0.0.1", silent.address().port()}, tls::Trust::pin(vc().thumbprint()), o),
      TransportError);
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  BOOST_TEST(took.count() < 5000);
}

BOOST_AUTO_TEST_CASE(a_plain_http_server_fails_the_tls_handshake) {
  Poco::Net::ServerSocket plain(Poco::Net::SocketAddress("127.0.0.1", 0));
  std::thread server([&] {
    Poco::Net::StreamSocket s = plain.acceptConnection();
    const std::string reply = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
    s.sendBytes(reply.data(), static_cast<int>(reply.size()));
    s.shutdown();
  });
  try {
    vim::Client c({"127.0.0.1", plain.address().port()}, tls::Trust::pin(vc().thumbprint()));
    BOOST_FAIL("handshake should fail");
  } catch (const ThumbprintMismatch&) {
    BOOST_FAIL("no certificate was presented, so this is not a mismatch");
  } catch (const TlsError& e) {
    BOOST_TEST(std::string(e.what()).find("TLS connection to 127.0.0.1 failed") !=
               std::string::npos);
  }
  server.join();
}

BOOST_AUTO_TEST_CASE(faults_from_the_server_arrive_typed) {
  auto c = test::loggedInClient();
  vim::PropertyCollector pc(*c);
  BOOST_CHECK_THROW(pc.retrieveOne({"VirtualMachine", "vm-does-not-exist"}, {"name"}),
                    ManagedObjectNotFoundFault);
  try {
    c->invoke("NoSuchMethod", c->serviceContent().rootFolder);
    BOOST_FAIL("should fault");
  } catch (const InvalidRequestFault& e) {
    BOOST_TEST(std::string(e.what()).find("NoSuchMethod") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(one_connection_is_kept_alive_across_calls) {
  auto c = test::loggedInClient();
  vim::PropertyCollector pc(*c);
  auto vm = firstVm(*c);
  for (int i = 0; i < 50; ++i)
    BOOST_TEST(pc.retrieveOne(vm, {"name"}).text("name") == "DC0_H0_VM0");
  BOOST_TEST(c->transport().connectionsOpened() == 1u);
}

BOOST_AUTO_TEST_CASE(many_threads_share_a_bounded_pool) {
  vim::ClientOptions o;
  o.transport.maxConnections = 4;
  auto c = test::loggedInClient(o);
  auto vm = firstVm(*c);
  std::atomic<int> good{0}, bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&] {
      vim::PropertyCollector pc(*c);
      for (int i = 0; i < 20; ++i) {
        try {
          (pc.retrieveOne(vm, {"name", "runtime.powerState"}).text("name") == "DC0_H0_VM0" ? good
                                                                                           : bad)++;
        } catch (const std::exception&) {
          bad++;
        }
      }
    });
  }
  for (auto& t : threads)
    t.join();
  BOOST_TEST(good.load() == 320);
  BOOST_TEST(bad.load() == 0);
  BOOST_TEST(c->transport().connectionsOpened() <= 4u);
}

BOOST_AUTO_TEST_SUITE_END()
