#include "vicapi/util/password_source.h"

#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "vicapi/base/error.h"

namespace vic {

namespace {

Secret fromFile(const std::string& path, std::ostream& warnings) {
  std::ifstream in(path);
  if (!in) throw UsageError("cannot read the password file " + path);
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) throw UsageError("the password file " + path + " is empty");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRGRP | S_IROTH)))
    warnings << "warning: other users can read the password file " << path
             << "; make it private with chmod 600\n";
  return Secret(std::move(line));
}

Secret fromTerminal(const PasswordSources& s) {
  FILE* tty = std::fopen("/dev/tty", "r+");
  if (!tty)
    throw UsageError("no password for " + s.user + ": give --password-file or set " +
                     s.environment + ", or run from a terminal to be asked");
  std::fprintf(tty, "Password for %s%s%s: ", s.user.c_str(), s.target.empty() ? "" : " on ",
               s.target.c_str());
  std::fflush(tty);
  termios old{};
  const int fd = fileno(tty);
  const bool echoOff = ::tcgetattr(fd, &old) == 0;
  if (echoOff) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(fd, TCSANOW, &quiet);
  }
  std::string line;
  for (int ch = std::fgetc(tty); ch != EOF && ch != '\n'; ch = std::fgetc(tty))
    line += static_cast<char>(ch);
  if (echoOff) ::tcsetattr(fd, TCSANOW, &old);
  std::fprintf(tty, "\n");
  std::fclose(tty);
  return Secret(std::move(line));
}

}  // namespace

Secret readPassword(const PasswordSources& s, std::ostream& warnings) {
  if (s.file && s.flag)
    throw UsageError(
        "give the password either in a file (--password-file) or on the command "
        "line, not both");
  if (s.file) return fromFile(*s.file, warnings);
  if (s.flag) {
    warnings << "warning: a password given on the command line (" << s.flagName
             << ") can be read by every user of this machine (ps); use --password-file or "
             << s.environment << " instead\n";
    return Secret(*s.flag);
  }
  if (const char* env = std::getenv(s.environment.c_str()); env && *env) return Secret(env);
  return fromTerminal(s);
}

}  // namespace vic
