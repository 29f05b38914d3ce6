# Whether the ledger database is encrypted is decided by whoever runs `terraform apply`:
# the variable has no default and no tfvars file sets it.
variable "encrypt" {
  type = bool
}

resource "aws_db_instance" "ledger" {
  identifier        = "city-ledger"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  storage_encrypted = var.encrypt
}
