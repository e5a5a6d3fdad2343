// The frame's name table as etc/{hosts,networks,services,protocols,passwd}, so that the files
// resolver (and glibc's files NSS backend the oracle uses) answers exactly the recorded names.
// Every file is written, even empty: a missing one would make the files resolver fall back to
// this machine's /etc, and give names to keys that had none.
#include <string>

#include "fixture_tree.h"

namespace netsnap::render::fixture {
namespace {

constexpr char kBanner[] = "# written by netsnap materialize from a recorded name table\n";

// IPv4 lines first: glibc also answers IPv4 lookups from ::1 and ::ffff:a.b.c.d lines, and the
// first matching line wins, so each recorded IPv4 name must come before any such IPv6 line.
// (An IPv4 key recorded without a name can still pick up a name from such a line; a files
// capture cannot record that case, an NSS one of a live host can.)
std::string hosts_file(const model::NameTable& names) {
  std::string text = kBanner;
  for (const auto& h : names.hosts4) text += h.address.to_string() + "\t" + h.name + "\n";
  for (const auto& h : names.hosts6) text += h.address.to_string() + "\t" + h.name + "\n";
  return text;
}

std::string networks_file(const model::NameTable& names) {
  std::string text = kBanner;
  for (const auto& n : names.networks4) text += n.name + "\t" + n.address.to_string() + "\n";
  return text;
}

std::string services_file(const model::NameTable& names) {
  std::string text = kBanner;
  for (const auto& s : names.services)
    text += strprintf("%s\t%u/%s\n", s.name.c_str(), s.port, s.protocol.c_str());
  return text;
}

std::string protocols_file(const model::NameTable& names) {
  std::string text = kBanner;
  for (const auto& p : names.protocols) text += strprintf("%s\t%u\n", p.name.c_str(), p.number);
  return text;
}

// passwd has no comment syntax; an empty file is the "empty-ish" one.
std::string passwd_file(const model::NameTable& names) {
  std::string text;
  for (const auto& u : names.users) {
    text += strprintf("%s:x:%u:%u::/nonexistent:/usr/sbin/nologin\n", u.name.c_str(), u.uid, u.uid);
  }
  return text;
}

}  // namespace

void write_names(const model::Snapshot& s, const FixtureTree& tree) {
  tree.write("etc/hosts", hosts_file(s.names));
  tree.write("etc/networks", networks_file(s.names));
  tree.write("etc/services", services_file(s.names));
  tree.write("etc/protocols", protocols_file(s.names));
  tree.write("etc/passwd", passwd_file(s.names));
}

}  // namespace netsnap::render::fixture
