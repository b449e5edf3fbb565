-- The export golden files' database: a few rows chosen to hit every rule
-- (quotes, commas, newlines, æøå, each formula-injection character, an
-- E.164 phone and one that is not, CRM ids known and unknown, every
-- status, form and owner kind).  Loaded into a database pipebench created,
-- so the schema is pipebench's own; fixed times, so the files are stable.
BEGIN;
INSERT INTO seller(id, name, created_at, crm_id, email) VALUES
 (1, 'Mette Sørensen', 1700000000, '005Dn000001MeTtE', 'mette@example.dk'),
 (2, 'Lars Øberg', 1700000000, NULL, NULL);
INSERT INTO account(id, name, org_no, city, km, travel_min, crm_id, owner_id,
                    created_at, updated_at, domain) VALUES
 (1, 'Fjordkraft AS', '976 894 677', 'Bergen', 12.5, 25, '001Dn00000FjOrD', 1,
  1790000000, 1790000000, 'fjordkraft.no'),
 (2, 'Ærø Maskinfabrik, "Nord"', NULL, 'Ærøskøbing', 148, 190, NULL, 1,
  1790000000, 1790000000, NULL),
 (3, '=cmd|'' /C calc''!A0', '12345678', '@Risk', NULL, NULL, NULL, 2,
  1790000000, 1790000000, 'evil.example');
INSERT INTO contact(id, account_id, name, email, phone, role, level, crm_id,
                    created_at, updated_at) VALUES
 (1, 1, 'Åse Nørgaard', 'ase@fjordkraft.no', '+4791234567', 'procurement',
  'Head of purchasing', '003Dn00000AsE', 1790000000, 1790000000),
 (2, 1, 'Per Olav Hansen', 'per.olav@fjordkraft.no', '+47 912 34 568',
  'decision_maker', 'CFO', NULL, 1790000000, 1790000000),
 (3, 2, 'Jens Ærbo', NULL, '-4512345678', 'user', NULL, NULL,
  1790000000, 1790000000),
 (4, 3, char(10) || 'Newline Name', NULL, '+12', char(13) || 'role with CR',
  char(9) || 'tab level', NULL, 1790000000, 1790000000);
INSERT INTO meeting(id, seller_id, account_id, starts_at, duration_min, battlefield,
                    type, form, dim, complexity, sale, status, form_reason,
                    created_at, updated_at, purpose, agenda, pains, crm_id) VALUES
 (1, 1, 1, 1795420800, 60, 'upsell', 'negotiation', 'hybrid', 'delivery', 'high',
  'solution', 'held', '', 1795000000, 1795430000,
  'Close the frame agreement', '1. Prices
2. "Terms", delivery', '', '00UDn00000NeGo'),
 (2, 1, 2, 1795527000, 90, 'new', 'first_meeting', 'physical', 'discovery', 'medium',
  'product', 'planned', '', 1795000000, 1795000000, '', '', '', NULL),
 (3, 1, 1, 1795683600, 30, 'resale', 'follow_up', 'phone', 'delivery', 'low',
  'product', 'cancelled', '', 1795000000, 1795100000, '', '', '', NULL),
 (4, 2, 3, 1795788000, 45, 'new', 'booking', 'virtual', 'development', 'low',
  'product', 'planned', 'they asked for it', 1795000000, 1795000000,
  '+1 for the demo', '', '', NULL);
INSERT INTO minutes(meeting_id, summary, needs, agreed, notes, updated_at) VALUES
 (1, '=HYPERLINK("http://evil.example","click")', 'Faster delivery to Tromsø;
they lose "a lot" on delays, 5 % a month', '-5 % on volume, signed by Åse',
  '@channel	tab inside
and a second line', 1795430000);
INSERT INTO participant(meeting_id, contact_id) VALUES (1, 1), (1, 2), (2, 3);
INSERT INTO action(id, meeting_id, account_id, seller_id, text, owner_contact_id,
                   due, done_at, created_at, updated_at, crm_id) VALUES
 (1, 1, 1, 1, 'Send the revised "frame" agreement, v2', NULL, 20777, NULL,
  1795430000, 1795430000, NULL),
 (2, 1, 1, 1, 'Confirm volumes with logistics', 1, 20787, NULL,
  1795430000, 1795430000, NULL),
 (3, 2, 2, 1, '+Book the factory tour', NULL, 20791, 1795600000,
  1795430000, 1795600000, '00TDn00000ToUr');
COMMIT;
