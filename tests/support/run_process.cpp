#include "tests/support/run_process.h"

#include <future>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

namespace vic::test {

ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env) {
  Poco::Pipe outPipe, errPipe;
  Poco::Process::Env penv(env.begin(), env.end());
  auto handle = Poco::Process::launch(program, args, ".", nullptr, &outPipe, &errPipe, penv);
  Poco::PipeInputStream outStream(outPipe), errStream(errPipe);
  // Drain stderr on another thread so a chatty child never blocks on a full pipe.
  auto err = std::async(std::launch::async, [&] {
    std::string s;
    Poco::StreamCopier::copyToString(errStream, s);
    return s;
  });
  ProcessResult r;
  Poco::StreamCopier::copyToString(outStream, r.out);
  r.err = err.get();
  r.exitCode = handle.wait();
  return r;
}

}  // namespace vic::test
