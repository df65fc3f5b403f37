DROP TABLE cycle_partners;
DROP TABLE cycle_co_organisers;
DROP TABLE cycle_owners;
DROP TABLE organiser_organisations;
DROP TABLE organisations;
