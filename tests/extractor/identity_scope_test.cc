// Which names may join entities across documents (identity_scope.h).
#include "bilik/identity_scope.h"

#include <gtest/gtest.h>

#include "test_pack.h"

namespace bilik {
namespace {

const DocEntity* find(const Extraction& x, EntityType type, const std::string& name) {
  for (const DocEntity& e : x.entities.entities)
    if (e.type == type && e.name == name) return &e;
  return nullptr;
}

TEST(IdentityScope, StateBodiesAreTheBodiesNoStateIsNamedIn) {
  const RulePack& pack = test::pack();
  EXPECT_TRUE(is_state_body("Xarici İşlər Nazirliyi", pack));
  EXPECT_TRUE(is_state_body("Kənd Təsərrüfatı Nazirliyi", pack));  // any "... Nazirliyi"
  EXPECT_TRUE(is_state_body("PREZİDENT ADMİNİSTRASİYASI", pack));   // from the list, in capitals
  EXPECT_FALSE(is_state_body("Rusiya Nəqliyyat Nazirliyi", pack));
  EXPECT_FALSE(is_state_body("Azərbaycan Respublikasının Elm və Təhsil Nazirliyi", pack));
  EXPECT_FALSE(is_state_body("Türk Dövlətləri Təşkilatı", pack));
}

TEST(IdentityScope, AGenitiveTiesABodyToItsStateAndNamesItSo) {
  const Extraction x = extract_document("Özbəkistanın Xarici İşlər Nazirliyi bu barədə bəyanat yayıb.", test::pack());
  const DocEntity* body = find(x, EntityType::Organization, "Özbəkistan Xarici İşlər Nazirliyi");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->scope, IdentityScope::Names);
  ASSERT_EQ(body->local_aliases, std::vector<std::string>{"Xarici İşlər Nazirliyi"});
  EXPECT_NE(body->identity_note.find("Özbəkistanın Xarici İşlər Nazirliyi"), std::string::npos) << body->identity_note;
}

TEST(IdentityScope, ABodyNoStateOwnsStaysInItsDocument) {
  const Extraction x = extract_document("Müdafiə Nazirliyinin məlumatına görə, təlimlər başa çatıb.", test::pack());
  const DocEntity* body = find(x, EntityType::Organization, "Müdafiə Nazirliyi");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->scope, IdentityScope::Document);
}

TEST(IdentityScope, TwoStatesNamedForOneBodyTieItToNeither) {
  const Extraction x = extract_document(
      "Rusiyanın Xarici İşlər Nazirliyi və İranın Xarici İşlər Nazirliyi birgə bəyanat yayıb.", test::pack());
  int bodies = 0;
  for (const DocEntity& e : x.entities.entities)
    if (e.type == EntityType::Organization && e.name == "Xarici İşlər Nazirliyi") {
      ++bodies;
      EXPECT_EQ(e.scope, IdentityScope::Document) << e.identity_note;
    }
  EXPECT_EQ(bodies, 1);
}

TEST(IdentityScope, ABodyNamedAfterItsStateKeepsItsNameButNotItsShortForm) {
  const Extraction x = extract_document(
      "Qazaxıstan Müdafiə Nazirliyi təlim keçirib. Müdafiə Nazirliyi bildirib ki, təlim uğurlu olub.", test::pack());
  const DocEntity* body = find(x, EntityType::Organization, "Qazaxıstan Müdafiə Nazirliyi");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->scope, IdentityScope::Names);
  EXPECT_EQ(body->local_aliases, std::vector<std::string>{"Müdafiə Nazirliyi"});
}

TEST(IdentityScope, ATreatyKnownBySubjectIsKeyedByItsParties) {
  const Extraction x = extract_document(
      "Bakıda Azərbaycan ilə Gürcüstan arasında turizm haqqında saziş imzalanıb.", test::pack());
  const DocEntity* treaty = find(x, EntityType::Treaty, "turizm haqqında saziş");
  ASSERT_NE(treaty, nullptr);
  EXPECT_EQ(treaty->scope, IdentityScope::Key);
  EXPECT_NE(treaty->identity_key.find("azərbaycan"), std::string::npos) << treaty->identity_key;
  EXPECT_NE(treaty->identity_key.find("gürcüstan"), std::string::npos) << treaty->identity_key;
}

TEST(IdentityScope, ATreatyWithNoPartyStaysInItsDocument) {
  const Extraction x = extract_document("Tərəflər sülh sazişinin mətni üzərində işləyir.", test::pack());
  const DocEntity* treaty = find(x, EntityType::Treaty, "sülh sazişi");
  ASSERT_NE(treaty, nullptr);
  EXPECT_EQ(treaty->scope, IdentityScope::Document);
}

TEST(IdentityScope, ATreatyWrittenAsATitleJoinsByName) {
  const Extraction x = extract_document("Tərəflər 2021-ci ildə imzalanmış Şuşa Bəyannaməsinə istinad ediblər.", test::pack());
  int treaties = 0;
  for (const DocEntity& e : x.entities.entities)
    if (e.type == EntityType::Treaty) {
      ++treaties;
      EXPECT_EQ(e.scope, IdentityScope::Names) << e.name;
    }
  EXPECT_EQ(treaties, 1);
}

TEST(IdentityScope, ATreatyNamedOnlyByItsKindIsKnownByItsParties) {
  const Extraction x = extract_document(
      "Azərbaycan ilə Gürcüstan arasında Anlaşma Memorandumu imzalanıb.", test::pack());
  const DocEntity* treaty = find(x, EntityType::Treaty, "Anlaşma Memorandumu");
  ASSERT_NE(treaty, nullptr);
  EXPECT_EQ(treaty->scope, IdentityScope::Key);
}

TEST(IdentityScope, MentionsSayWhyTheyAreTheirEntity) {
  const Extraction x = extract_document(
      "Qasım-Jomart Tokayev Ankaraya gəlib. Tokayev Ərdoğanla görüşüb.", test::pack());
  bool surname = false;
  for (const Mention& m : x.entities.mentions)
    if (m.surface == "Tokayev") surname = m.joined_by.find("Qasım-Jomart Tokayev") != std::string::npos;
  EXPECT_TRUE(surname);
}

}  // namespace
}  // namespace bilik
