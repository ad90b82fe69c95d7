#include "plugin-server/store/vcenter_registrations.h"

namespace vic::server {

VcenterRegistrations::VcenterRegistrations(Database& db) : db_(db) {
  db_.exec(R"(
    CREATE TABLE IF NOT EXISTS vcenters (
      target TEXT PRIMARY KEY, thumbprint TEXT NOT NULL, guid TEXT NOT NULL, registered TEXT NOT NULL);
  )");
}

void VcenterRegistrations::remember(const VcenterRegistration& r) {
  db_.query(
      "INSERT INTO vcenters (target, thumbprint, guid, registered) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(target) DO UPDATE SET thumbprint = ?2, guid = ?3, registered = ?4",
      {r.target, r.thumbprint, r.guid, r.registered});
}

void VcenterRegistrations::forget(const std::string& target) {
  db_.query("DELETE FROM vcenters WHERE target = ?1", {target});
}

std::vector<VcenterRegistration> VcenterRegistrations::all() {
  std::vector<VcenterRegistration> out;
  for (const auto& row :
       db_.query("SELECT target, thumbprint, guid, registered FROM vcenters ORDER BY target"))
    out.push_back({Database::text(row[0]), Database::text(row[1]), Database::text(row[2]),
                   Database::text(row[3])});
  return out;
}

}  // namespace vic::server
