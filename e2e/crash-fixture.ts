import { getDatabase } from "@/db/client";
import { addMember } from "@/server/verbs/members/add-member";
import { createGroup } from "@/server/verbs/groups/create-group";
import { createUser } from "@/server/verbs/users/create-user";

/** A small group and a treasurer in the database named by DATABASE_URL (for the crash test). */
async function main() {
  const database = await getDatabase();
  const ctx = { database, actor: "test:crash-fixture" };
  await createGroup(ctx, {
    slug: "uji-crash",
    name: "KSM Uji Crash",
    village: "Golo Meni",
    kecamatan: "Kota Komba",
    kabupaten: "Manggarai Timur",
    provinsi: "Nusa Tenggara Timur",
    foundedOn: "2024-01-01",
    isDemo: true,
  });
  for (let i = 1; i <= 5; i++)
    await addMember(ctx, {
      groupSlug: "uji-crash",
      code: `UC-00${i}`,
      fullName: `Anggota Uji ${i}`,
      gender: "P",
      joinedOn: "2024-01-01",
      checkCode: "12345678",
    });
  await createUser(ctx, {
    username: "bendahara-uji",
    password: "kata-sandi-uji-crash",
    role: "bendahara",
    groupSlugs: ["uji-crash"],
  });
  database.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
