# A database the municipality's ledger lives in.
resource "aws_db_instance" "ledger" {
  identifier        = "city-ledger"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  storage_encrypted = true
}
