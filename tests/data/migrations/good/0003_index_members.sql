CREATE INDEX members_body ON members (body_id);
